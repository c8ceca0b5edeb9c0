package org.calicomesos.adapters.netlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;

/**
 * An open descriptor of a container's network namespace, checked to be one and not the host's. Holding the
 * descriptor keeps the namespace alive while we plumb it, even if the process exits meanwhile.
 */
final class NamespaceFile implements AutoCloseable {
  private final int fd;
  private boolean closed;

  private NamespaceFile(int fd) {
    this.fd = fd;
  }

  static NamespaceFile open(NetworkNamespace namespace) {
    Libc libc = NativeLibc.libc();
    int fd = libc.open(namespace.path(), Libc.O_RDONLY | Libc.O_CLOEXEC);
    if (fd < 0) {
      int errno = NativeLibc.errno();
      if (errno == Errno.ENOENT || errno == Errno.ESRCH) {
        throw new NamespaceNotFoundException(gone(namespace));
      }
      throw new DataplaneException("cannot open " + namespace.describe() + ": " + Errno.text(errno));
    }
    NamespaceFile file = new NamespaceFile(fd);
    try {
      file.check(namespace);
      return file;
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  int fd() {
    return fd;
  }

  private void check(NetworkNamespace namespace) {
    int type = NativeLibc.libc().ioctl(fd, Libc.NS_GET_NSTYPE);
    if (type < 0 || type != Libc.CLONE_NEWNET) {
      throw new NamespaceNotFoundException(namespace.describe() + " is not a network namespace");
    }
    // /proc/self/fd/N follows to the namespace the descriptor holds, so this compares that very namespace.
    if (sameFile(Path.of("/proc/self/fd/" + fd), Path.of("/proc/self/ns/net"), namespace)) {
      throw new DataplaneException(namespace.describe()
          + " is this host's own network namespace: refusing to put a container interface on the host");
    }
  }

  private static boolean sameFile(Path a, Path b, NetworkNamespace namespace) {
    try {
      Map<String, Object> first = Files.readAttributes(a, "unix:ino,dev");
      Map<String, Object> second = Files.readAttributes(b, "unix:ino,dev");
      return first.get("ino").equals(second.get("ino")) && first.get("dev").equals(second.get("dev"));
    } catch (IOException e) {
      throw new DataplaneException("cannot tell whether " + namespace.describe() + " is the host's: " + e.getMessage(), e);
    }
  }

  private static String gone(NetworkNamespace namespace) {
    return namespace instanceof NetworkNamespace.OfProcess
        ? namespace.describe() + " is gone: the process has exited"
        : namespace.describe() + " does not exist";
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      NativeLibc.libc().close(fd);
    }
  }
}
