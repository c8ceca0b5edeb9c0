package org.calicomesos.ports.kv;

/**
 * The datastore could not be reached or did not answer in time. The outcome of a write that failed
 * this way is unknown: it may have landed.
 */
public final class DatastoreUnavailableException extends DatastoreException {
  private final String datastore;

  /**
   * @param datastore what was being reached, as an operator names it ("etcd at https://10.0.0.1:2379",
   *     "sqlite at /var/lib/calico-mesos/store.db"); never credentials
   */
  public DatastoreUnavailableException(String datastore, String cause, Throwable throwable) {
    super("cannot reach " + datastore + ": " + cause, throwable);
    this.datastore = datastore;
  }

  public String datastore() {
    return datastore;
  }
}
