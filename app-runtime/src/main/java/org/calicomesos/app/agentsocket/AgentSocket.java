package org.calicomesos.app.agentsocket;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The listening Unix socket, owned by one agent at a time. A lock file beside it decides which: whoever holds
 * the lock may replace a socket file left by an agent that was killed. The socket is mode 0600 and a
 * connection from another user is refused as well (the mode is set just after bind, so it cannot be the only
 * guard). A socket systemd handed over ({@link InheritedListener}) is systemd's: the agent takes the lock all the
 * same, but never removes the file.
 */
public final class AgentSocket implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AgentSocket.class.getName());

  private final Path path;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final ServerSocketChannel listener;
  private final boolean inherited;
  private final String owner;

  private AgentSocket(Path path, FileChannel lockFile, FileLock lock, ServerSocketChannel listener,
      boolean inherited) {
    this.path = path;
    this.lockFile = lockFile;
    this.lock = lock;
    this.listener = listener;
    this.inherited = inherited;
    this.owner = System.getProperty("user.name");
  }

  /** Takes the socket for this agent; refuses while another agent serves it. */
  public static AgentSocket bind(Path path) {
    return locked(path, (lockFile, lock) -> {
      // What is there now was left by an agent that no longer holds the lock.
      Files.deleteIfExists(path);
      ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      listener.bind(UnixDomainSocketAddress.of(path), 64);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      return new AgentSocket(path, lockFile, lock, listener, false);
    });
  }

  /**
   * Serves the listener systemd handed over; refuses while another agent serves its path (one started by hand
   * would have replaced systemd's socket file with its own).
   */
  public static AgentSocket inherit(InheritedListener inherited) {
    return locked(inherited.path(),
        (lockFile, lock) -> new AgentSocket(inherited.path(), lockFile, lock, inherited.channel(), true));
  }

  /** What takes the socket once the lock is held. */
  private interface Listening {
    AgentSocket listen(FileChannel lockFile, FileLock lock) throws IOException;
  }

  private static AgentSocket locked(Path path, Listening listening) {
    Path directory = path.getParent();
    FileChannel lockFile = null;
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      lockFile = FileChannel.open(path.resolveSibling(path.getFileName() + ".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock = lockFile.tryLock();
      if (lock == null) {
        throw new AgentSocketException("another calico-mesos agent serves " + path + " (it holds " + path.getFileName()
            + ".lock); stop it first", null);
      }
      return listening.listen(lockFile, lock);
    } catch (IOException e) {
      closeQuietly(lockFile);
      throw new AgentSocketException("cannot serve plugin requests on " + path + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lockFile);
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  /** Whether systemd handed the socket over, rather than this agent binding it. */
  public boolean inherited() {
    return inherited;
  }

  /**
   * The next connection from our own user; connections from anyone else are closed unanswered.
   *
   * @throws IOException when the socket was closed (the agent is stopping)
   */
  public SocketChannel accept() throws IOException {
    while (true) {
      SocketChannel connection = listener.accept();
      try {
        UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (peer.user().getName().equals(owner)) {
          return connection;
        }
        LOG.log(System.Logger.Level.WARNING, "refused a connection to {0} from user {1}", path, peer.user().getName());
      } catch (IOException | UnsupportedOperationException e) {
        LOG.log(System.Logger.Level.WARNING, "refused a connection to " + path + " whose peer is unknown", e);
      }
      closeQuietly(connection);
    }
  }

  /**
   * Stops listening. A socket of its own it removes, so clients handle requests in-process from now on; systemd's
   * stays, and holds new requests in its queue for the next agent.
   */
  @Override
  public void close() {
    closeQuietly(listener);
    if (!inherited) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot remove " + path + "; clients fall back once they find nobody there", e);
      }
    }
    try {
      lock.release();
    } catch (IOException e) {
      // closing the file below releases it too
    }
    closeQuietly(lockFile);
  }

  public static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing more to do with it
    }
  }
}
