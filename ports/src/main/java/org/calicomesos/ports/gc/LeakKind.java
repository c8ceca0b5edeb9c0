package org.calicomesos.ports.gc;

/** What the collector frees, each with the name its report and its metrics use. */
public enum LeakKind {
  /** An endpoint record of this host whose interface is gone: its container's network namespace is gone. */
  DEAD_ENDPOINT("endpoint"),
  /** One of our {@code cali*} interfaces on this host that no endpoint record of this host names. */
  ORPHAN_INTERFACE("interface"),
  /** Addresses assigned on this host under a net-modules uid that no endpoint names: allocated, never isolated. */
  PENDING_ALLOCATION("allocation"),
  /** A handle record counting more addresses in one of this host's blocks than the block holds for it. */
  STALE_HANDLE_COUNT("handle-count"),
  /** A host port claim of this host whose endpoint record is gone, or that cannot be read: its port is mapped to nothing. */
  STALE_PORT_CLAIM("port-claim");

  private final String label;

  LeakKind(String label) {
    this.label = label;
  }

  /** The kind as reports and metrics name it. */
  public String label() {
    return label;
  }
}
