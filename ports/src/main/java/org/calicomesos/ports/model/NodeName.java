package org.calicomesos.ports.model;

/** This host's identity in the datastore: block affinity, endpoint keys, the host profile. */
public record NodeName(String value) {
  public NodeName {
    Identifiers.require("node name", value, 253);
  }

  @Override
  public String toString() {
    return value;
  }
}
