package org.calicomesos.app.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Requests of sizes around the plugins' 1 MiB limit: one byte either side of it matters. */
final class SizeLimit {
  static final int LIMIT = 1024 * 1024;

  private SizeLimit() {}

  /**
   * {@code head}, a run of {@code a}, then {@code tail} (a request with a long unknown string field), at sizes
   * within 64 bytes of the limit, or twice it.
   */
  static Arbitrary<byte[]> around(String head, String tail) {
    return Arbitraries.oneOf(Arbitraries.integers().between(LIMIT - 64, LIMIT + 64), Arbitraries.just(2 * LIMIT))
        .map(size -> JsonText.utf8(head + "a".repeat(size - head.length() - tail.length()) + tail));
  }
}
