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
}
