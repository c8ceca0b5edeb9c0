package org.calicomesos.app.admin.output;

import java.util.function.Function;
import org.calicomesos.ports.kv.Readout;

/** How a record that may be missing or unreadable appears in text: its value, a word for "none", or why not. */
public final class ReadoutText {
  private ReadoutText() {}

  /** {@code shown(value)}, {@code whenAbsent} when there is no record, else {@code unreadable: <reason>}. */
  public static <T> String of(Readout<T> readout, Function<? super T, String> shown, String whenAbsent) {
    if (readout.value().isPresent()) {
      return shown.apply(readout.value().get());
    }
    return readout.problem().map(problem -> "unreadable: " + problem).orElse(whenAbsent);
  }
}
