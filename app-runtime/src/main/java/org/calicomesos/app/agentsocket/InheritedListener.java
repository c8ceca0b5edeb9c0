package org.calicomesos.app.agentsocket;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The listening Unix socket systemd hands the agent (packaging/systemd/calico-mesos-agent.socket). It arrives on
 * stdin, the one place the JDK takes an inherited socket from ({@link System#inheritedChannel()}): with
 * {@code StandardInput=socket} systemd puts it there, with the sd_listen_fds protocol (fd 3) bin/calico-mesos moves
 * it there. Whatever else stdin is (a pipe, a terminal, /dev/null) is no such socket.
 */
public record InheritedListener(ServerSocketChannel channel, Path path) {
  private static final System.Logger LOG = System.getLogger(InheritedListener.class.getName());

  /** The socket on stdin, if it is a listening Unix socket with a path. */
  public static Optional<InheritedListener> find() {
    Channel inherited;
    try {
      inherited = System.inheritedChannel();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot tell whether stdin is a socket handed over by systemd: {0}",
          e.toString());
      return Optional.empty();
    }
    if (!(inherited instanceof ServerSocketChannel listener)) {
      return Optional.empty();
    }
    SocketAddress address;
    try {
      address = listener.getLocalAddress();
    } catch (IOException e) {
      address = null;
    }
    if (address instanceof UnixDomainSocketAddress unix && unix.getPath().isAbsolute()) {
      return Optional.of(new InheritedListener(listener, unix.getPath()));
    }
    // A TCP or unnamed socket: not one a launcher can find by its path.
    LOG.log(System.Logger.Level.WARNING, "stdin is a listening socket on {0}, not a Unix socket with a path;"
        + " it is left alone", address);
    return Optional.empty();
  }
}
