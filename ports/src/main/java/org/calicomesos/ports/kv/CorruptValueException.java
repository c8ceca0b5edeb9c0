package org.calicomesos.ports.kv;

/** A stored value could not be decoded: the datastore holds something this version does not understand. */
public final class CorruptValueException extends DatastoreException {
  private final String problem;

  public CorruptValueException(String key, String problem) {
    super("cannot decode the value stored at " + key + ": " + problem);
    this.problem = problem;
  }

  /** What is wrong with the value, without the key: for listings that already show where it is stored. */
  public String problem() {
    return problem;
  }
}
