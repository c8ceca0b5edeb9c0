package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formatter agrees with java.time's, leap days and year ends included. */
class UtcTimestampTest {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void formatsLikeJavaTime() {
    assertThat(format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(format(1_795_467_163_123L)).isEqualTo(ISO_MILLIS.format(java.time.Instant.ofEpochMilli(1_795_467_163_123L)));
    assertThat(format(951_782_400_000L)).isEqualTo("2000-02-29T00:00:00.000Z");
    assertThat(format(4_107_542_399_999L)).isEqualTo("2100-02-28T23:59:59.999Z");
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      long millis = random.nextLong(0, 253_402_300_799_999L); // up to 9999-12-31
      assertThat(format(millis)).isEqualTo(ISO_MILLIS.format(java.time.Instant.ofEpochMilli(millis)));
    }
  }

  private static String format(long millis) {
    StringBuilder out = new StringBuilder();
    UtcTimestamp.append(out, millis);
    return out.toString();
  }
}
