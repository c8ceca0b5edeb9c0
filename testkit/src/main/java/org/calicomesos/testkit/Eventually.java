package org.calicomesos.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread or process brings about, failing the test after {@code patience}: every 10 ms
 * for a thread of this JVM; every 100 ms for other processes (each look may itself start a process), where a failure
 * carries what the test saw then ({@code state}: routes, logs), read only when it fails.
 */
public final class Eventually {
  private Eventually() {}

  public static void await(BooleanSupplier condition, String what, Duration patience) throws InterruptedException {
    poll(condition, what, patience, 10, () -> "");
  }

  public static void await(BooleanSupplier condition, String what, Duration patience, Supplier<String> state)
      throws InterruptedException {
    poll(condition, what, patience, 100, state);
  }

  private static void poll(BooleanSupplier condition, String what, Duration patience, long everyMillis,
      Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(everyMillis);
    }
    throw new AssertionError("not within " + patience + ": " + what + state.get());
  }
}
