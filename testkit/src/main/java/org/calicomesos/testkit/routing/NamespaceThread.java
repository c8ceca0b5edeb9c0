package org.calicomesos.testkit.routing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * A platform thread of its own that enters a named network namespace ({@code /run/netns/<name>}) once and runs
 * whatever it is handed there, so an adapter that works on its caller's namespace (a netlink socket opened by the
 * calling thread, an {@code ip} process it starts) works on the test's namespace and never on the host's. The
 * thread never goes back: {@link #close} ends it. Anything it starts (a thread, a process) begins in the namespace
 * too, which is why it is never pooled.
 */
public final class NamespaceThread implements AutoCloseable {
  /** The three libc calls that entering takes; public because jnr implements it from outside this package. */
  public interface Setns {
    int O_RDONLY_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;

    @SaveError
    int open(CharSequence path, int flags);

    @SaveError
    int setns(int fd, int nstype);

    int close(int fd);

    String strerror(int errno);
  }

  private static final class Libc {
    static final Setns SETNS = LibraryLoader.create(Setns.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(SETNS);
  }

  private static final FutureTask<Object> STOP = new FutureTask<>(() -> null);

  private final BlockingQueue<FutureTask<?>> work = new LinkedBlockingQueue<>();
  private final Thread thread;

  private NamespaceThread(String namespace, CompletableFuture<Void> entered) {
    thread = new Thread(() -> serve(namespace, entered), "netns-" + namespace);
    thread.setDaemon(true);
  }

  /** A thread inside {@code /run/netns/<namespace>}; fails the test if it cannot enter. */
  public static NamespaceThread enter(String namespace) {
    CompletableFuture<Void> entered = new CompletableFuture<>();
    NamespaceThread inside = new NamespaceThread(namespace, entered);
    inside.thread.start();
    try {
      entered.get();
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while entering " + namespace, e);
    }
    return inside;
  }

  /** Runs {@code call} inside the namespace and returns its result, or throws what it threw, unchanged. */
  public <T> T call(Supplier<T> call) {
    FutureTask<T> task = new FutureTask<>(call::get);
    work.add(task);
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for work in the namespace", e);
    }
  }

  public void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  private void serve(String namespace, CompletableFuture<Void> entered) {
    try {
      setns("/run/netns/" + namespace);
    } catch (Throwable e) { // an Error too (jnr missing): the test waits on this, and must fail, not hang
      entered.completeExceptionally(e);
      return;
    }
    entered.complete(null);
    while (true) {
      FutureTask<?> task;
      try {
        task = work.take();
      } catch (InterruptedException e) {
        return;
      }
      if (task == STOP) {
        return; // this thread stays in the namespace, so it ends here
      }
      task.run();
    }
  }

  private static void setns(String path) {
    Setns libc = Libc.SETNS;
    int fd = libc.open(path, Setns.O_RDONLY_CLOEXEC);
    if (fd < 0) {
      throw new IllegalStateException("cannot open " + path + ": "
          + libc.strerror(LastError.getLastError(Libc.RUNTIME)));
    }
    try {
      if (libc.setns(fd, Setns.CLONE_NEWNET) < 0) {
        throw new IllegalStateException("cannot enter " + path + ": "
            + libc.strerror(LastError.getLastError(Libc.RUNTIME)));
      }
    } finally {
      libc.close(fd);
    }
  }

  /** Ends the thread once it has finished what it was given; only then can the namespace really go away. */
  @Override
  public void close() {
    work.add(STOP);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
