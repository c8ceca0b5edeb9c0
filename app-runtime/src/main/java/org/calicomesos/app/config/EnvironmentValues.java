package org.calicomesos.app.config;

import org.calicomesos.ports.model.Excerpt;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads single environment variables: unset and blank mean "use the default". */
final class EnvironmentValues {
  private EnvironmentValues() {}

  static Optional<String> text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  static Path path(Map<String, String> env, String name, Path defaultPath) {
    Optional<String> text = text(env, name);
    if (text.isEmpty()) {
      return defaultPath;
    }
    try {
      if (text.get().chars().anyMatch(Character::isISOControl)) {
        // A newline or escape in a path ends up in a command line, a log line or a file BIRD reads.
        throw new InvalidConfigurationException(name + " '" + Excerpt.of(text.get())
            + "' must be an absolute file path without control characters");
      }
      Path path = Path.of(text.get());
      if (!path.isAbsolute() || path.getFileName() == null) {
        throw new InvalidConfigurationException(name + " '" + Excerpt.of(text.get()) + "' must be an absolute file path");
      }
      return path.normalize();
    } catch (InvalidPathException e) {
      throw new InvalidConfigurationException(name + " '" + Excerpt.of(text.get()) + "' is not a file path");
    }
  }

}
