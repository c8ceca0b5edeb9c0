package org.calicomesos.app.config;

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
      Path path = Path.of(text.get());
      if (!path.isAbsolute() || path.getFileName() == null) {
        throw new InvalidConfigurationException(name + " '" + excerpt(text.get()) + "' must be an absolute file path");
      }
      return path.normalize();
    } catch (InvalidPathException e) {
      throw new InvalidConfigurationException(name + " '" + excerpt(text.get()) + "' is not a file path");
    }
  }

  /** A short printable excerpt of a bad value, so a message never carries control characters or a whole blob. */
  static String excerpt(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(64).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : "?"));
    return value.length() > 64 ? out + "..." : out.toString();
  }
}
