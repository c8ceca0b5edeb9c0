package org.calicomesos.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CALICO_LOG_FILE, CALICO_LOG_LEVEL and CALICO_LOG_FORMAT, read apart from the rest of the configuration. */
class LogSettingsTest {
  @Test
  void defaultsToTextAtInfoInTheIsolatorLog() {
    assertThat(LogSettings.fromEnvironment(Map.of()))
        .isEqualTo(new LogSettings(Path.of("/var/log/calico/isolator.log"), Level.INFO, LogFormat.TEXT));
  }

  @Test
  void readsAllThreeVariables() {
    LogSettings settings = LogSettings.fromEnvironment(Map.of("CALICO_LOG_FILE", "/tmp/x.log",
        "CALICO_LOG_LEVEL", "WARN", "CALICO_LOG_FORMAT", "JSON"));

    assertThat(settings).isEqualTo(new LogSettings(Path.of("/tmp/x.log"), Level.WARNING, LogFormat.JSON));
  }

  @Test
  void textFormatCanBeNamed() {
    assertThat(LogSettings.fromEnvironment(Map.of("CALICO_LOG_FORMAT", "text")).format()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void anUnknownFormatIsAOneLineErrorNamingTheVariable() {
    assertThatThrownBy(() -> LogSettings.fromEnvironment(Map.of("CALICO_LOG_FORMAT", "xml\n{\"a\":1}")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("CALICO_LOG_FORMAT 'xml?{\"a\":1}' is not one of text, json");
  }

  @Test
  void anUnknownLevelIsStillRefused() {
    assertThatThrownBy(() -> LogSettings.fromEnvironment(Map.of("CALICO_LOG_LEVEL", "loud")))
        .hasMessage("CALICO_LOG_LEVEL 'loud' is not one of debug, info, warning, error");
  }
}
