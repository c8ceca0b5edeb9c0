package org.calicomesos.app.fuzz;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Stdin that is mostly not JSON: random bytes, and a soup of JSON's own characters and words. */
final class Noise {
  private Noise() {}

  static Arbitrary<byte[]> bytes() {
    return Choices.weighted(
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
        Tuple.of(2, Arbitraries.strings().withChars("{}[]\":,0123456789.eE+- \\/ntrufalsu\u00e9\u0000").ofMaxLength(200)
            .map(text -> text.getBytes(StandardCharsets.UTF_8))));
  }
}
