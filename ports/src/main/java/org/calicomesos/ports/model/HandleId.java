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

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and identifiers are compared on every request.
  @Override
  public boolean equals(Object other) {
    return other instanceof HandleId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
