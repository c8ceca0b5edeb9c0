package org.calicomesos.app.config;

import java.util.function.Supplier;

/** The dataplanes {@code CALICO_DATAPLANE} may name. */
public enum DataplaneKind {
  /** rtnetlink from inside the process: no {@code ip} process per step. The default. */
  NETLINK("netlink"),
  /** The {@code ip} command, for operators who want to see each step in {@code ps} and the log. */
  IPROUTE2("iproute2");

  private final String setting;

  DataplaneKind(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  /** This dataplane's implementation of a port, built only when it is the chosen one (the other is never loaded). */
  public <T> T choose(Supplier<T> netlink, Supplier<T> iproute2) {
    return this == IPROUTE2 ? iproute2.get() : netlink.get();
  }
}
