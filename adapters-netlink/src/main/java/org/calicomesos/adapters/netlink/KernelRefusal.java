package org.calicomesos.adapters.netlink;

import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * The kernel answered a request (or a system call) with an errno. Keeps the number so callers can turn the
 * few meaningful ones (EEXIST, ENODEV, ESRCH) into the port's typed failures.
 */
final class KernelRefusal extends DataplaneException {
  private final int errno;

  KernelRefusal(String action, int errno) {
    super("cannot " + action + ": " + Errno.text(errno));
    this.errno = errno;
  }

  int errno() {
    return errno;
  }
}
