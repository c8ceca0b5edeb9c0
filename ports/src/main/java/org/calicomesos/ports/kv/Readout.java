package org.calicomesos.ports.kv;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What reading one stored record gave: its value, nothing (there is no such record), or why it could not be
 * read. Inspection commands show an unreadable record as such instead of failing the whole listing over it.
 */
public record Readout<T>(Optional<T> value, Optional<String> problem) {
  public Readout {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(problem, "problem");
    if (value.isPresent() && problem.isPresent()) {
      throw new IllegalArgumentException("a readout has a value or a problem, not both");
    }
  }

  public static <T> Readout<T> of(T value) {
    return new Readout<>(Optional.of(value), Optional.empty());
  }

  public static <T> Readout<T> absent() {
    return new Readout<>(Optional.empty(), Optional.empty());
  }

  /** @param reason why the record could not be read, e.g. the message of a {@link CorruptValueException} */
  public static <T> Readout<T> unreadable(String reason) {
    return new Readout<>(Optional.empty(), Optional.of(reason));
  }

  /** The same outcome with the value, if there is one, transformed. */
  public <U> Readout<U> map(Function<? super T, ? extends U> mapper) {
    return new Readout<>(value.map(mapper), problem);
  }

  /** True when there is no such record (as opposed to one that could not be read). */
  public boolean absentRecord() {
    return value.isEmpty() && problem.isEmpty();
  }
}
