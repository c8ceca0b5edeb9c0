package org.calicomesos.app.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calicomesos.ports.model.Excerpt;

/**
 * Durations as operators write them: a whole number and one unit, {@code 0s}, {@code 30s}, {@code 10m}, {@code 1h},
 * {@code 2d} (also {@code ms}). Java's {@link Duration#parse} wants {@code PT30S}, which nobody types.
 */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private DurationText() {}

  /** The duration {@code text} says, or empty when it is not of the form. */
  public static Optional<Duration> parse(String text) {
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    return Optional.of(switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    });
  }

  /** As {@link #parse}, or the sentence an operator reads: {@code what} is the setting or option's name. */
  public static Duration require(String what, String text) {
    return parse(text).orElseThrow(() -> new InvalidConfigurationException(what + " '" + Excerpt.of(text)
        + "' must be a whole number and a unit: ms, s, m, h or d (e.g. 30s, 10m, 1h)"));
  }

  /** Writes {@code duration} back in the same form, in its largest whole unit. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
