package org.calicomesos.ports.model;

/** A netgroup: containers talk only within their netgroups (plus their host, plus {@code public}). */
public record Netgroup(String value) {
  /** What the per-host profiles' names start with ({@code default_<node>}). */
  public static final String HOST_PROFILE_PREFIX = "default_";
  public static final Netgroup PUBLIC = new Netgroup("public");

  public Netgroup {
    Identifiers.require("netgroup", value, 128);
    // A netgroup's profile is named after it, and host profiles are default_<node>: a netgroup of that name
    // would take over (or be taken over by) a host's profile.
    if (value.startsWith(HOST_PROFILE_PREFIX)) {
      throw new InvalidRequestException("netgroup '" + value + "' may not start with '" + HOST_PROFILE_PREFIX
          + "', which names the host profiles");
    }
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
