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

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and identifiers are compared on every request.
  @Override
  public boolean equals(Object other) {
    return other instanceof NodeName that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
