package org.calicomesos.ports.model;

/** A Mesos container id ({@code ContainerID.value}); the CNI rule for container ids, capped in length. */
public record ContainerId(String value) {
  public ContainerId {
    Identifiers.require("container_id", value, 255);
  }

  @Override
  public String toString() {
    return value;
  }

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and identifiers are compared on every request.
  @Override
  public boolean equals(Object other) {
    return other instanceof ContainerId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
