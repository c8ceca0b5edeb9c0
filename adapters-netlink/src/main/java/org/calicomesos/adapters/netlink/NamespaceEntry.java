package org.calicomesos.adapters.netlink;

import java.util.concurrent.atomic.AtomicReference;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * Opens a netlink socket inside another network namespace. setns changes only the calling thread, so a fresh
 * thread of our own enters, opens the socket (which stays bound to that namespace for its whole life) and goes
 * back. A thread that could not go back ends there: it never runs anything else, and no pool ever sees it.
 */
final class NamespaceEntry {
  private NamespaceEntry() {}

  /** Thrown on the entering thread when it cannot leave the container's namespace, so that it ends. */
  static final class StrandedThreadError extends Error {
    StrandedThreadError(String message) {
      super(message);
    }
  }

  static NetlinkSocket openSocketIn(NamespaceFile namespace, String description) {
    AtomicReference<NetlinkSocket> opened = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread entering = new Thread(() -> {
      try {
        opened.set(enterAndOpen(namespace, description));
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "netns-enter");
    entering.setDaemon(true);
    entering.start();
    boolean interrupted = false;
    while (true) {
      try {
        entering.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the thread holds an fd and may hold a socket: wait for it, then re-assert
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable thrown = failure.get();
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof StrandedThreadError stranded) {
      // Only the entering thread was stranded, and it has ended; the caller is still in the host's namespace.
      throw new DataplaneException(stranded.getMessage(), stranded);
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown != null) {
      throw new DataplaneException("cannot open a netlink socket in " + description + ": " + thrown, thrown);
    }
    return opened.get();
  }

  private static NetlinkSocket enterAndOpen(NamespaceFile namespace, String description) {
    Libc libc = NativeLibc.libc();
    int home = libc.open("/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC);
    if (home < 0) {
      throw new KernelRefusal("open this thread's own network namespace", NativeLibc.errno());
    }
    NetlinkSocket socket = null;
    try {
      if (libc.setns(namespace.fd(), Libc.CLONE_NEWNET) < 0) {
        throw new KernelRefusal("enter " + description, NativeLibc.errno());
      }
      try {
        socket = NetlinkSocket.open();
      } finally {
        if (libc.setns(home, Libc.CLONE_NEWNET) < 0) {
          int errno = NativeLibc.errno();
          if (socket != null) {
            socket.close();
          }
          // This thread is stranded in the container's namespace: an Error ends it here, before it runs anything else.
          throw new StrandedThreadError("cannot return a thread to the host's network namespace after entering "
              + description + ": " + Errno.text(errno));
        }
      }
      return socket;
    } finally {
      libc.close(home);
    }
  }
}
