package org.calicomesos.testkit.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same work on several threads released at one instant, so that they really contend. */
final class ConcurrentRun {
  private ConcurrentRun() {}

  /** The body one of the threads runs, given its number. */
  @FunctionalInterface
  interface ThreadWork<T> {
    T run(int thread) throws Exception;
  }

  /** Starts {@code threads} threads on {@code work} together and returns their results in thread order. */
  static <T> List<T> of(int threads, Duration timeout, ThreadWork<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        Callable<T> task = () -> {
          start.await();
          return work.run(thread);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
