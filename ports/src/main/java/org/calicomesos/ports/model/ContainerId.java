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
}
