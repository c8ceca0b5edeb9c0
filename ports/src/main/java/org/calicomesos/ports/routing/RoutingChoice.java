package org.calicomesos.ports.routing;

import java.util.Optional;

/**
 * What an operator picks with {@code route-mode}: {@link #DIRECT} (each agent adds {@code block via host}; the hosts
 * share a link), {@link #VXLAN} (the same, wrapped in VXLAN, so the hosts need only reach each other by IP: every
 * IPv4 pool is made VXLAN) or {@link #BGP} (BIRD on each host announces its blocks). Direct and bgp make every pool
 * plain again.
 */
public enum RoutingChoice {
  DIRECT("direct"),
  VXLAN("vxlan"),
  BGP("bgp");

  private final String setting;

  RoutingChoice(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  /** The route mode record it writes. */
  public RouteMode mode() {
    return this == BGP ? RouteMode.BGP : RouteMode.DIRECT;
  }

  public static Optional<RoutingChoice> ofSetting(String text) {
    for (RoutingChoice choice : values()) {
      if (choice.setting.equals(text)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
