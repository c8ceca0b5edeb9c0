package org.calicomesos.app.config;

/** The datastores {@code CALICO_DATASTORE} may name. */
public enum DatastoreKind {
  SQLITE("sqlite"),
  MEMORY("memory"),
  ETCD("etcd"),
  CONSUL("consul");

  private final String setting;

  DatastoreKind(String setting) {
    this.setting = setting;
  }

  /** The value of {@code CALICO_DATASTORE} that selects this kind. */
  public String setting() {
    return setting;
  }
}
