package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a logger writes for each kind of call, and what it drops. */
class LineLoggerTest {
  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final String PID = "\\[" + ProcessHandle.current().pid() + "\\]";

  private final List<String> lines = new ArrayList<>();
  private final LogRoute route = new LogRoute(Level.INFO, lines::add);
  private final System.Logger logger = new LineLogger("org.calicomesos.core.ipam.PoolService", route);

  @Test
  void oneLineWithTimeLevelProcessAndLogger() {
    logger.log(Level.INFO, "removed pool 10.0.0.0/8");

    assertThat(lines).singleElement().asString()
        .matches(TIME + " INFO  " + PID + " org\\.calicomesos\\.core\\.ipam\\.PoolService: removed pool 10\\.0\\.0\\.0/8\n");
  }

  @Test
  void recordsBelowTheLevelAreDropped() {
    logger.log(Level.DEBUG, "lost compare-and-swap on {0}", "k");
    logger.log(Level.TRACE, "trace");
    logger.log(Level.OFF, "off is not a level to log at");
    logger.log(Level.WARNING, "kept");

    assertThat(logger.isLoggable(Level.DEBUG)).isFalse();
    assertThat(logger.isLoggable(Level.INFO)).isTrue();
    assertThat(logger.isLoggable(Level.OFF)).isFalse();
    assertThat(lines).singleElement().asString().contains(" WARN  ").endsWith(": kept\n");
  }

  @Test
  void aDroppedRecordIsNeverFormatted() {
    Object explodes = new Object() {
      @Override
      public String toString() {
        throw new AssertionError("formatted a dropped record");
      }
    };

    logger.log(Level.DEBUG, "{0}", explodes);
    logger.log(Level.DEBUG, () -> {
      throw new AssertionError("asked a dropped record's supplier");
    });

    assertThat(lines).isEmpty();
  }

  @Test
  void repointingTheRouteChangesTheLevel() {
    route.point(Level.DEBUG, lines::add);
    logger.log(Level.DEBUG, "now visible");

    assertThat(lines).singleElement().asString().contains(" DEBUG ").endsWith(": now visible\n");
  }

  @Test
  void parametersAreFormattedAsMessageFormatDoes() {
    logger.log(Level.INFO, "added pool {0} with block size /{1}, strict affinity {2}", "10.0.0.0/8", 26, false);
    logger.log(Level.INFO, "no parameters, so '{0}' and quotes stay as written");
    logger.log(Level.INFO, "a malformed {pattern is logged as written", 1);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).endsWith(": added pool 10.0.0.0/8 with block size /26, strict affinity false\n");
    assertThat(lines.get(1)).endsWith(": no parameters, so '{0}' and quotes stay as written\n");
    assertThat(lines.get(2)).endsWith(": a malformed {pattern is logged as written\n");
  }

  @Test
  void aThrowablesTraceFollowsIndented() {
    IllegalStateException failure = new IllegalStateException("disk gone", new java.io.IOException("EIO"));

    logger.log(Level.ERROR, "cannot close the store", failure);

    String[] written = lines.get(0).split("\n");
    assertThat(written[0]).endsWith(" ERROR " + "[" + ProcessHandle.current().pid() + "] "
        + "org.calicomesos.core.ipam.PoolService: cannot close the store");
    assertThat(written[1]).isEqualTo("    java.lang.IllegalStateException: disk gone");
    assertThat(written[2]).startsWith("    \tat org.calicomesos.app.logging.LineLoggerTest.");
    assertThat(lines.get(0)).contains("\n    Caused by: java.io.IOException: EIO\n").endsWith("\n");
    assertThat(java.util.Arrays.asList(written).subList(1, written.length)).allSatisfy(line -> assertThat(line).startsWith("    "));
  }

  @Test
  void messagesStayOnOneLine() {
    logger.log(Level.WARNING, "first\nsecond\r\nthird\tfourth");

    assertThat(lines).singleElement().asString().endsWith(": first second third fourth\n");
  }

  @Test
  void aNullMessageIsAnEmptyOne() {
    logger.log(Level.WARNING, (String) null);

    assertThat(lines).singleElement().asString().endsWith("PoolService: \n");
  }
}
