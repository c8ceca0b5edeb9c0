package org.calicomesos.app.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.config.ConfigurationVariables;

/**
 * The host's defaults file ({@code /etc/default/calico-mesos}), in systemd's EnvironmentFile syntax:
 * {@code NAME=value} lines, {@code #} and {@code ;} comments, a value optionally in single or double quotes. A CNI
 * runtime starts the plugin with an environment of its own, so this is where the host's settings come from when
 * the network configuration does not name them. Only configuration variables are taken from it.
 */
final class DefaultsFile {
  private DefaultsFile() {}

  /** The file's configuration variables; none when it does not exist. */
  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG,
          "cannot read the defaults file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    return parse(lines);
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue; // systemd ignores such a line too
      }
      String name = line.substring(0, equals).strip();
      if (ConfigurationVariables.isConfiguration(name)) {
        variables.put(name, unquote(line.substring(equals + 1).strip()));
      }
    }
    return variables;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
