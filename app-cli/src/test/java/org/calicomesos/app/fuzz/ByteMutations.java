package org.calicomesos.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A request's bytes, damaged a little: bytes changed, cut out, repeated, the rest cut off, or something put in,
 * often a sequence that is not UTF-8 (a stray continuation byte, an overlong NUL, an encoded surrogate, a code
 * point past U+10FFFF). Most of the request still parses, so the damage lands deep in the decoder.
 */
final class ByteMutations {
  private static final List<byte[]> INSERTS = List.of(
      bytes(0x80), bytes(0xC0, 0x80), bytes(0xC3), bytes(0xE2, 0x82), bytes(0xED, 0xA0, 0x80),
      bytes(0xED, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFE),
      bytes(0xFF), bytes(0xEF, 0xBB, 0xBF),
      bytes(0x00), bytes(0xE2, 0x80, 0xAE), bytes('"'), bytes('\\'), bytes('{'), bytes('}'), bytes('['), bytes(']'),
      bytes(','), bytes(':'), bytes('\n'), ascii("\\u0000"), ascii("\\ud800"), ascii("null"));

  /** One change, at a position given as a fraction of the request's length so that it fits any request. */
  private record Mutation(int kind, double at, int length, byte value, byte[] insert) {
    byte[] apply(byte[] request) {
      int position = (int) (at * request.length);
      int end = Math.min(request.length, position + length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(request.length + insert.length);
      switch (kind) {
        case 0: // change one byte
          byte[] changed = request.clone();
          if (changed.length > 0) {
            changed[Math.min(position, changed.length - 1)] = value;
          }
          return changed;
        case 1: // cut a few bytes out
          out.write(request, 0, position);
          out.write(request, end, request.length - end);
          return out.toByteArray();
        case 2: // repeat a few bytes
          out.write(request, 0, end);
          out.write(request, position, request.length - position);
          return out.toByteArray();
        case 3: // cut the rest off
          return Arrays.copyOf(request, position);
        default: // put something in
          out.write(request, 0, position);
          out.writeBytes(insert);
          out.write(request, position, request.length - position);
          return out.toByteArray();
      }
    }
  }

  private ByteMutations() {}

  /** {@code requests}, each with one to four changes. */
  static Arbitrary<byte[]> of(Arbitrary<byte[]> requests) {
    Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.doubles().between(0, true, 1, false).ofScale(4), Arbitraries.integers().between(1, 8),
        Arbitraries.bytes(), Arbitraries.of(INSERTS)).as(Mutation::new);
    return Combinators.combine(requests, mutation.list().ofMinSize(1).ofMaxSize(4)).as((request, mutations) -> {
      byte[] damaged = request;
      for (Mutation each : mutations) {
        damaged = each.apply(damaged);
      }
      return damaged;
    });
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
