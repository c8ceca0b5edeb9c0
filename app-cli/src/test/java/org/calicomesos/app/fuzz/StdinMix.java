package org.calicomesos.app.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * What a plugin is fuzzed with on stdin, given requests of its protocol's shape: noise, those requests, the same
 * damaged byte by byte, nesting past the reader's limit, and (rarely: each costs a few MiB) a request at the
 * 1 MiB limit.
 */
final class StdinMix {
  private StdinMix() {}

  /** {@code head} and {@code tail} frame a request around a long string field, for {@link SizeLimit#around}. */
  static Arbitrary<byte[]> of(Arbitrary<String> requests, String head, String tail) {
    Arbitrary<byte[]> encoded = requests.map(JsonText::utf8);
    return Choices.weighted(
        Tuple.of(30, Noise.bytes()),
        Tuple.of(250, encoded),
        Tuple.of(60, ByteMutations.of(encoded)),
        Tuple.of(10, JsonText.deep().map(JsonText::utf8)),
        Tuple.of(1, SizeLimit.around(head, tail)));
  }
}
