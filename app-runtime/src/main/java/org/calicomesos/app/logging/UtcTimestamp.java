package org.calicomesos.app.logging;

/**
 * ISO-8601 UTC time with milliseconds ({@code 2026-11-24T20:52:43.123Z}) from epoch millis, computed by hand:
 * {@code Instant.toString()} would initialise java.time's formatter machinery (~40 classes) for one log line.
 */
final class UtcTimestamp {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  // Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar.
  private static final long EPOCH_SHIFT_DAYS = 719_468L;

  private UtcTimestamp() {}

  /** Howard Hinnant's civil_from_days, over years counted from March so the leap day falls last. */
  static void append(StringBuilder out, long epochMillis) {
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    long shifted = days + EPOCH_SHIFT_DAYS;
    long era = Math.floorDiv(shifted, 146_097L);
    long dayOfEra = shifted - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long marchMonth = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * marchMonth + 2) / 5 + 1);
    int month = (int) (marchMonth < 10 ? marchMonth + 3 : marchMonth - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    pad(out, year, 4).append('-');
    pad(out, month, 2).append('-');
    pad(out, day, 2).append('T');
    pad(out, millisOfDay / 3_600_000, 2).append(':');
    pad(out, millisOfDay / 60_000 % 60, 2).append(':');
    pad(out, millisOfDay / 1000 % 60, 2).append('.');
    pad(out, millisOfDay % 1000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, long value, int width) {
    for (long limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }
}
