package org.calicomesos.ports.kv;

/** A stored value could not be decoded: the datastore holds something this version does not understand. */
public final class CorruptValueException extends DatastoreException {
  public CorruptValueException(String key, String problem) {
    super("cannot decode the value stored at " + key + ": " + problem);
  }
}
