package org.calicomesos.app.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * A choice among arbitraries, each alternative behind {@link Arbitraries#lazy}. For every try, jqwik looks the
 * chosen alternative's generator up by the alternative's hash code, which for a tree of arbitraries is computed
 * over the whole tree: with the request shapes nested here that cost ten times the request itself. A lazy
 * arbitrary's hash code is its identity, so the lookup is cheap and its generator is built once.
 */
final class Choices {
  private Choices() {}

  /** {@code alternatives}, each as often as its weight says. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  static <T> Arbitrary<T> weighted(Tuple2<Integer, Arbitrary<T>>... alternatives) {
    return Arbitraries.frequencyOf(Stream.of(alternatives)
        .map(alternative -> Tuple.of(alternative.get1(), lazily(alternative.get2())))
        .collect(Collectors.toList()));
  }

  /** {@code alternatives}, each as often as the others. */
  static <T> Arbitrary<T> oneOf(List<Arbitrary<T>> alternatives) {
    return Arbitraries.oneOf(alternatives.stream().map(Choices::lazily).collect(Collectors.toList()));
  }

  private static <T> Arbitrary<T> lazily(Arbitrary<T> arbitrary) {
    return Arbitraries.lazy(() -> arbitrary);
  }
}
