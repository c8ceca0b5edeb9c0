package org.calicomesos.ports.dataplane;

/** The host-side interface a plan names already exists; {@link Dataplane#plumb} left it alone. */
public final class InterfaceExistsException extends DataplaneException {
  private final InterfaceName name;

  public InterfaceExistsException(InterfaceName name) {
    super("interface " + name + " already exists on this host");
    this.name = name;
  }

  public InterfaceName name() {
    return name;
  }
}
