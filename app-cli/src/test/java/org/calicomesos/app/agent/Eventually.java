package org.calicomesos.app.agent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something a loop on another thread brings about, failing the test after {@code patience}. */
final class Eventually {
  private Eventually() {}

  static void await(BooleanSupplier condition, String what, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    throw new AssertionError("not within " + patience + ": " + what);
  }
}
