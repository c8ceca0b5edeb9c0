package org.calicomesos.ports.model;

/** A policy profile: {@code default_<node>}, {@code public}, or a netgroup's name. */
public record ProfileName(String value) {
  public ProfileName {
    Identifiers.require("profile", value, 300);
  }

  public static ProfileName of(Netgroup netgroup) {
    return new ProfileName(netgroup.value());
  }

  /** The per-host profile that admits traffic from and to that host. */
  public static ProfileName hostDefault(NodeName node) {
    return new ProfileName(Netgroup.HOST_PROFILE_PREFIX + node.value());
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProfileName that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
