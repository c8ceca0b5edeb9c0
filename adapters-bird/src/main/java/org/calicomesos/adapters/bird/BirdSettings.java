package org.calicomesos.adapters.bird;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where this host's BIRD reads its configuration and listens for birdc. BIRD must be started with exactly
 * these ({@code bird -c <configFile> -s <controlSocket>}); Debian's {@code bird.service} uses {@link #DEBIAN}.
 */
public record BirdSettings(Path configFile, Path controlSocket) {
  /** Debian's bird2 package: /etc/bird/bird.conf, read by BIRD running as user bird; socket in /run/bird. */
  public static final BirdSettings DEBIAN = new BirdSettings(Path.of("/etc/bird/bird.conf"),
      Path.of("/run/bird/bird.ctl"));

  public BirdSettings {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(controlSocket, "controlSocket");
    // Absolute, so it can be compared with the path BIRD says it reads ("Reading configuration from ...").
    if (!configFile.isAbsolute() || !controlSocket.isAbsolute()) {
      throw new IllegalArgumentException("BIRD's configuration file and control socket need absolute paths, got "
          + configFile + " and " + controlSocket);
    }
  }
}
