package org.calicomesos.ports.ipam;

import java.util.Optional;

/**
 * How traffic to a pool's addresses on other hosts travels: {@link #NONE} routes it straight to the other host
 * (which must then share a link with this one, or a fabric must route the pool), {@link #VXLAN} wraps it in VXLAN
 * to the other host's address, so any two hosts that reach each other by IP will do. IPv4 pools only, as Calico's
 * {@code vxlanMode} was at first.
 */
public enum Encapsulation {
  NONE("none"),
  VXLAN("vxlan");

  private final String setting;

  Encapsulation(String setting) {
    this.setting = setting;
  }

  /** The name in the datastore and on the command line. */
  public String setting() {
    return setting;
  }

  /** The encapsulation a setting names, if it names one. */
  public static Optional<Encapsulation> ofSetting(String text) {
    for (Encapsulation value : values()) {
      if (value.setting.equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
