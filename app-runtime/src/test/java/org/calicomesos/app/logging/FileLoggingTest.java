package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calicomesos.app.config.LogFormat;
import org.calicomesos.app.config.LogSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System.getLogger, through our finder, before and after the settings are installed; stdout stays empty. */
class FileLoggingTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
  private final System.Logger logger = System.getLogger("org.calicomesos.test.FileLoggingTest");
  private PrintStream originalOut;

  @BeforeEach
  void watchSystemOut() {
    originalOut = System.out;
    System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    FileLogging.installFallback(System.err);
    assertThat(systemOut.size()).as("bytes on stdout").isZero();
  }

  @Test
  void theJdkHandsOutOurLoggers() {
    assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CalicoLoggerFinder.class);
    assertThat(logger).isInstanceOf(LineLogger.class);
    assertThat(logger.getName()).isEqualTo("org.calicomesos.test.FileLoggingTest");
  }

  @Test
  void beforeTheSettingsOnlyWarningsReachStderr() {
    FileLogging.installFallback(stderrStream());

    logger.log(Level.INFO, "not yet");
    logger.log(Level.WARNING, "request refused: {0}", "too big");

    assertThat(stderr.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .contains(" WARN  ").endsWith("org.calicomesos.test.FileLoggingTest: request refused: too big\n");
  }

  @Test
  void afterTheSettingsRecordsAtTheLevelGoToTheFile() throws Exception {
    Path log = dir.resolve("log/isolator.log");
    FileLogging.install(new LogSettings(log, Level.INFO), stderrStream());

    logger.log(Level.DEBUG, "dropped");
    logger.log(Level.INFO, "kept {0}", "info");
    logger.log(Level.ERROR, "kept error");

    assertThat(Files.readAllLines(log)).hasSize(2)
        .satisfiesExactly(line -> assertThat(line).endsWith(": kept info"), line -> assertThat(line).endsWith(": kept error"));
    assertThat(stderr.size()).isZero();
  }

  @Test
  void debugLevelLetsDebugThrough() throws Exception {
    Path log = dir.resolve("isolator.log");
    FileLogging.install(new LogSettings(log, Level.DEBUG), stderrStream());

    logger.log(Level.DEBUG, "lost compare-and-swap on {0}, retry #{1}", "/calico/ipam", 2);
    logger.log(Level.TRACE, "too fine even for debug");

    assertThat(Files.readAllLines(log)).singleElement().asString().endsWith(": lost compare-and-swap on /calico/ipam, retry #2");
  }

  @Test
  void anUnopenableFileFallsBackToStderrWithOneWarning() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    FileLogging.install(new LogSettings(notADirectory.resolve("isolator.log"), Level.INFO), stderrStream());

    logger.log(Level.INFO, "still logged");

    String written = stderr.toString(StandardCharsets.UTF_8);
    assertThat(written).hasLineCount(2);
    assertThat(written.lines().findFirst().orElseThrow())
        .startsWith("calico-mesos: warning: cannot open log file " + notADirectory.resolve("isolator.log"))
        .endsWith("; logging to stderr");
    assertThat(written).endsWith(": still logged\n");
  }

  // The agent's set-up: stderr (its journal), at the settings' level and in their format, whatever their file.
  @Test
  void theStderrSetUpFollowsTheFormatAndLevel() throws Exception {
    FileLogging.installStderr(new LogSettings(dir.resolve("unused.log"), Level.WARNING, LogFormat.JSON), stderrStream());

    logger.log(Level.INFO, "dropped");
    logger.log(Level.WARNING, "lost the datastore watch: {0}", "a \"quoted\"\nreason");
    FieldLogger.named("org.calicomesos.test.Fields").log(Level.WARNING, "request",
        new LogFields().add("outcome", "error").add("duration_ms", 7));

    String[] lines = stderr.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"time\":\"").contains("\"level\":\"WARN\"")
        .endsWith("\"logger\":\"org.calicomesos.test.FileLoggingTest\","
            + "\"message\":\"lost the datastore watch: a \\\"quoted\\\"\\nreason\"}");
    assertThat(lines[1]).endsWith("\"message\":\"request\",\"outcome\":\"error\",\"duration_ms\":7}");
    assertThat(systemOut.size()).isZero();
    assertThat(dir.resolve("unused.log")).doesNotExist();
  }

  private PrintStream stderrStream() {
    return new PrintStream(stderr, true, StandardCharsets.UTF_8);
  }
}
