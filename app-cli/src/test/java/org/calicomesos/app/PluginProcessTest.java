package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.app.wiring.SpokenProtocols;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.logging.FileLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process around the endpoint: whatever goes wrong, exactly one JSON object and the matching status. */
class PluginProcessTest {
  // Fails validation before any datastore or kernel is touched.
  private static final String CLEANUP = "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"a\",\"container_id\":\"c/1\"}}";
  private static final String REFUSAL = "container_id 'c/1' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void watchSystemOut() {
    originalOut = System.out;
    System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreSystemOutAndLogging() {
    System.setOut(originalOut);
    // The process-wide route would otherwise keep writing to this test's deleted log file.
    FileLogging.installFallback(System.err);
  }

  @Test
  void logsOneLinePerRequestToTheConfiguredFile() throws Exception {
    int status = run(CLEANUP, Map.of());

    assertThat(status).isEqualTo(1);
    assertThat(error()).isEqualTo(REFUSAL);
    assertThat(Files.readAllLines(dir.resolve("isolator.log"))).singleElement().asString()
        .contains("request command=cleanup container=- uid=- hostname=a outcome=error duration_ms=")
        .endsWith(" error=\"" + REFUSAL.replace("\"", "\\\"") + "\"");
  }

  @Test
  void oversizedInputIsRefused() throws Exception {
    int status = run("{\"command\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}", Map.of());

    assertThat(status).isEqualTo(1);
    assertThat(error()).isEqualTo("request is larger than 1048576 bytes");
  }

  @Test
  void aWrongVariableIsReportedAsJson() throws Exception {
    int status = run(CLEANUP, Map.of("CALICO_DATASTORE", "zookeeper"));

    assertThat(status).isEqualTo(1);
    assertThat(error()).startsWith("CALICO_DATASTORE 'zookeeper' is not one of");
  }

  @Test
  void aWrongLogLevelIsReportedAsJsonAndLoggedOnStderr() throws Exception {
    int status = run(CLEANUP, Map.of("CALICO_LOG_LEVEL", "loud"));

    assertThat(status).isEqualTo(1);
    assertThat(error()).isEqualTo("CALICO_LOG_LEVEL 'loud' is not one of debug, info, warning, error");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("configuration refused");
  }

  @Test
  void anUnopenableLogFileFallsBackToStderr() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    int status = run(CLEANUP, Map.of("CALICO_LOG_FILE", notADirectory.resolve("isolator.log").toString()));

    assertThat(status).isEqualTo(1);
    assertThat(error()).isEqualTo(REFUSAL);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("calico-mesos: warning: cannot open log file").contains("command=cleanup");
  }

  @Test
  void anUnexpectedFailureStillAnswersInJson() throws Exception {
    ConfigurationReader broken = new ConfigurationReader(() -> {
      throw new IllegalStateException("no hostname today");
    });

    int status = PluginProcess.run(SpokenProtocols.NET_MODULES, new ByteArrayInputStream(CLEANUP.getBytes(StandardCharsets.UTF_8)), stdout,
        new PrintStream(stderr, true, StandardCharsets.UTF_8), env(Map.of()), broken);

    assertThat(status).isEqualTo(1);
    Path log = dir.resolve("isolator.log");
    assertThat(error()).isEqualTo("internal error (IllegalStateException): no hostname today; see " + log);
    assertThat(Files.readString(log)).as("the trace is where the sentence says")
        .contains("java.lang.IllegalStateException: no hostname today");
  }

  private int run(String request, Map<String, String> extra) {
    return PluginProcess.run(SpokenProtocols.NET_MODULES, new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), stdout,
        new PrintStream(stderr, true, StandardCharsets.UTF_8), env(extra), new ConfigurationReader(() -> "testnode"));
  }

  private Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("CALICO_DATASTORE", "memory", "CALICO_LOG_FILE", dir.resolve("isolator.log").toString()));
    env.putAll(extra);
    return env;
  }

  /** The single response line's error, after checking nothing else reached either stdout. */
  private String error() throws Exception {
    String body = stdout.toString(StandardCharsets.UTF_8);
    assertThat(body).hasLineCount(1).endsWith("}\n");
    assertThat(systemOut.size()).isZero();
    return new ObjectMapper().readTree(body).get("error").textValue();
  }
}
