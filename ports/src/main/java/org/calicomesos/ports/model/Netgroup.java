package org.calicomesos.ports.model;

/** A netgroup: containers talk only within their netgroups (plus their host, plus {@code public}). */
public record Netgroup(String value) {
  public static final Netgroup PUBLIC = new Netgroup("public");

  public Netgroup {
    Identifiers.require("netgroup", value, 128);
  }

  @Override
  public String toString() {
    return value;
  }

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and identifiers are compared on every request.
  @Override
  public boolean equals(Object other) {
    return other instanceof Netgroup that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
