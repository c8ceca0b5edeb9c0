package org.calicomesos.ports.routing;

import java.util.Optional;

/**
 * How hosts learn each other's blocks, cluster-wide ({@code <prefix>/v1/config/route_mode}): {@link #DIRECT}
 * (the default) has every agent program {@code block via host} itself, which needs the hosts on one link;
 * {@link #BGP} leaves it to BIRD on each host.
 */
public enum RouteMode {
  DIRECT("direct"),
  BGP("bgp");

  private final String setting;

  RouteMode(String setting) {
    this.setting = setting;
  }

  /** The name in the datastore and on the command line. */
  public String setting() {
    return setting;
  }

  /** The mode a setting names, if it names one. */
  public static Optional<RouteMode> ofSetting(String text) {
    for (RouteMode mode : values()) {
      if (mode.setting.equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
