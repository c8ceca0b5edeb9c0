package org.calicomesos.ports.model;

/** Names the owner of a set of addresses: the net-modules {@code uid} of one container's addresses. */
public record HandleId(String value) {
  public HandleId {
    Identifiers.require("uid", value, 128);
  }

  @Override
  public String toString() {
    return value;
  }
}
