package org.calicomesos.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where this host's BIRD reads its configuration ({@code CALICO_BIRD_CONFIG}) and answers birdc
 * ({@code CALICO_BIRD_SOCKET}), for route mode bgp. Read by {@link ConfigurationReader#bird}, for the agent and
 * {@code node show} only: a plugin request never talks to BIRD, so a wrong value here must not fail one.
 */
public record BirdPaths(Path configFile, Path controlSocket) {
  /** Debian's bird2 package: {@code bird.service} runs {@code bird -c /etc/bird/bird.conf -s /run/bird/bird.ctl}. */
  public static final BirdPaths DEFAULT = new BirdPaths(Path.of("/etc/bird/bird.conf"), Path.of("/run/bird/bird.ctl"));

  public BirdPaths {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(controlSocket, "controlSocket");
  }
}
