package org.calicomesos.ports.model;

/** A CNI network's {@code name}, as its configuration gives it: the spec's rule for network names, capped in length. */
public record NetworkName(String value) {
  public static final int MAX_LENGTH = 128;

  public NetworkName {
    Identifiers.require("network name", value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkName that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
