package org.calicomesos.app.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.Excerpt;

/**
 * Where the plugin logs ({@code CALICO_LOG_FILE}), how much ({@code CALICO_LOG_LEVEL}) and in which form
 * ({@code CALICO_LOG_FORMAT}). Read apart from the rest of the configuration so that logging works even when
 * another variable is wrong.
 */
public record LogSettings(Path file, Level level, LogFormat format) {
  public static final Path DEFAULT_FILE = Path.of("/var/log/calico/isolator.log");

  public LogSettings {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(format, "format");
  }

  /** Text lines, the default format. */
  public LogSettings(Path file, Level level) {
    this(file, level, LogFormat.TEXT);
  }

  /** @throws InvalidConfigurationException naming the variable that is wrong */
  public static LogSettings fromEnvironment(Map<String, String> env) {
    Path file = EnvironmentValues.path(env, "CALICO_LOG_FILE", DEFAULT_FILE);
    Level level = level(EnvironmentValues.text(env, "CALICO_LOG_LEVEL").orElse("info"));
    return new LogSettings(file, level, format(EnvironmentValues.text(env, "CALICO_LOG_FORMAT").orElse("text")));
  }

  private static Level level(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "debug":
        return Level.DEBUG;
      case "info":
        return Level.INFO;
      case "warning":
      case "warn":
        return Level.WARNING;
      case "error":
        return Level.ERROR;
      default:
        throw new InvalidConfigurationException("CALICO_LOG_LEVEL '" + Excerpt.of(name)
            + "' is not one of debug, info, warning, error");
    }
  }

  // Compared by name, not by a switch over the enum: that would add a synthetic class to every process.
  private static LogFormat format(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("text")) {
      return LogFormat.TEXT;
    }
    if (lower.equals("json")) {
      return LogFormat.JSON;
    }
    throw new InvalidConfigurationException("CALICO_LOG_FORMAT '" + Excerpt.of(name) + "' is not one of text, json");
  }
}
