package org.calicomesos.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON text as a caller might send it, right or wrong. Built as text rather than through a JSON library, so that
 * it can hold what a library would not write: duplicate keys, numbers no Java type holds, escaped NULs and lone
 * surrogates, nesting far past the reader's limit.
 */
final class JsonText {
  private static final String[] NUMBERS = {
      "0", "-0", "1", "2", "-1", "1.5", "1.0", "1e2", "1E400", "-1e-400", "0.0000001", "0e0", "256", "257",
      "4194304", "4194305", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
      "123456789012345678901234567890", "9".repeat(64), "9".repeat(65), "1e2147483648", "1e-2147483649",
      "01", "+1", ".5", "1.", "NaN", "Infinity", "-", "0x10"};

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  // Stands for "repeat the object's first member" among an object's extra members.
  private static final String REPEAT_FIRST = "\u0000repeat";

  private JsonText() {}

  /** A string value: one of {@link OddStrings}, quoted. */
  static Arbitrary<String> string() {
    return OddStrings.any().map(JsonText::quote);
  }

  /** {@code texts}, each quoted as a JSON string. */
  static Arbitrary<String> strings(String... texts) {
    return Arbitraries.of(texts).map(JsonText::quote);
  }

  /** Whole numbers in {@code min..max} mostly, and now and then a number of any odd form. */
  static Arbitrary<String> number(int min, int max) {
    return Choices.weighted(
        Tuple.of(8, Arbitraries.integers().between(min, max).map(String::valueOf)),
        Tuple.of(1, Arbitraries.of(NUMBERS)),
        Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
  }

  /** Any JSON value (or a malformed number), nested a few levels, rarely very deep. */
  static Arbitrary<String> anyValue() {
    return Choices.weighted(Tuple.of(40, value(3)), Tuple.of(1, deep()));
  }

  /** Lists or objects opened {@code 1..3000} times, closed or not, around any value. */
  static Arbitrary<String> deep() {
    return Combinators.combine(Arbitraries.of("[", "{\"a\":", "{\"labels\":"), Arbitraries.integers().between(1, 3000),
        Arbitraries.of(true, false), value(0)).as((opener, depth, closed, inner) -> {
          String closer = opener.equals("[") ? "]" : "}";
          return opener.repeat(depth) + inner + (closed ? closer.repeat(depth) : "");
        });
  }

  /**
   * {@code "key":value} with the right kind of value mostly (so that a good share of requests are valid and go
   * the whole way); else absent (empty text), {@code null}, or a value of any type.
   */
  static Arbitrary<String> member(String key, Arbitrary<String> right) {
    return member(key, right, 2);
  }

  /** As {@link #member(String, Arbitrary)}, absent {@code absentWeight} times in about 40. */
  static Arbitrary<String> member(String key, Arbitrary<String> right, int absentWeight) {
    return Choices.weighted(
        Tuple.of(absentWeight, Arbitraries.just("")),
        Tuple.of(36, right),
        Tuple.of(1, Arbitraries.just("null")),
        Tuple.of(2, anyValue()))
        .map(value -> value.isEmpty() ? "" : quote(key) + ":" + value);
  }

  /** An object of the members present, now and then with an unknown member or its first member repeated. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  static Arbitrary<String> object(Arbitrary<String>... members) {
    Arbitrary<String> extra = Choices.weighted(
        Tuple.of(100, Arbitraries.just("")),
        Tuple.of(1, Combinators.combine(string(), anyValue()).as((key, value) -> key + ":" + value)),
        Tuple.of(1, Arbitraries.just(REPEAT_FIRST)));
    return Combinators.combine(Combinators.combine(List.of(members)).as(List::copyOf), extra).as((present, more) -> {
      List<String> written = present.stream().filter(member -> !member.isEmpty()).collect(Collectors.toList());
      if (more.equals(REPEAT_FIRST)) {
        if (!written.isEmpty()) {
          written.add(written.get(0));
        }
      } else if (!more.isEmpty()) {
        written.add(more);
      }
      return "{" + String.join(",", written) + "}";
    });
  }

  /**
   * Lists of up to {@code max} elements, and now and then one element 250 to 300 times (past most limits; one
   * element repeated, since jqwik builds 300 different ones at many times the cost of the request).
   */
  static Arbitrary<String> list(Arbitrary<String> element, int max) {
    return Choices.weighted(
        Tuple.of(30, element.list().ofMaxSize(max)),
        Tuple.of(1, Combinators.combine(element, Arbitraries.integers().between(250, 300))
            .as((one, times) -> Collections.nCopies(times, one))))
        .map(elements -> "[" + String.join(",", elements) + "]");
  }

  /** {@code text} as a JSON string; control characters and lone surrogates escaped, other text as it is. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))
          || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> leaf = Choices.weighted(
        Tuple.of(3, string()),
        Tuple.of(2, number(-10, 300)),
        Tuple.of(1, Arbitraries.of("true", "false", "null")));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = value(depth - 1);
    return Choices.weighted(
        Tuple.of(6, leaf),
        Tuple.of(1, inner.list().ofMaxSize(4).map(elements -> "[" + String.join(",", elements) + "]")),
        Tuple.of(1, Combinators.combine(string(), inner).as((key, value) -> key + ":" + value).list().ofMaxSize(4)
            .map(members -> "{" + String.join(",", members) + "}")));
  }
}
