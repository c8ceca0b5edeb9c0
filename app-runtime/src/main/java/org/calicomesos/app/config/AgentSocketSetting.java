package org.calicomesos.app.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.calicomesos.ports.model.Excerpt;

/**
 * Where the agent serves plugin requests ({@code CALICO_AGENT_SOCKET}). bin/calico-mesos reads the same
 * variable with the same default, so the two must change together.
 */
public final class AgentSocketSetting {
  public static final String VARIABLE = "CALICO_AGENT_SOCKET";
  public static final Path DEFAULT = Path.of("/var/run/calico-mesos/agent.sock");
  // sun_path holds 108 bytes including the terminating NUL.
  private static final int MAX_PATH_BYTES = 107;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9/._+@=-]+");

  private AgentSocketSetting() {}

  /**
   * @throws InvalidConfigurationException when the path is not absolute, too long for a Unix socket, or holds a
   *     character other than a plain path's (the path travels in shell variables and JSON error text)
   */
  public static Path fromEnvironment(Map<String, String> env) {
    Path path = EnvironmentValues.path(env, VARIABLE, DEFAULT);
    if (!SAFE.matcher(path.toString()).matches()) {
      throw new InvalidConfigurationException(VARIABLE + " '" + Excerpt.of(path.toString())
          + "' may hold only letters, digits and / . _ - + @ = (a plain path: bin/calico-mesos and its error messages carry it as is)");
    }
    if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new InvalidConfigurationException(VARIABLE + " '" + Excerpt.of(path.toString())
          + "' is longer than the " + MAX_PATH_BYTES + " bytes a Unix socket path may have");
    }
    return path;
  }
}
