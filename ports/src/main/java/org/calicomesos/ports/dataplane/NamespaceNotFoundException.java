package org.calicomesos.ports.dataplane;

/** The container's network namespace does not exist (its process has exited) or is not a network namespace. */
public final class NamespaceNotFoundException extends DataplaneException {
  public NamespaceNotFoundException(String message) {
    super(message);
  }
}
