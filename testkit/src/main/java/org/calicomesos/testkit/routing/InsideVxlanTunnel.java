package org.calicomesos.testkit.routing;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/** The adapter under test, every call of it made on the thread inside the test's namespace. */
final class InsideVxlanTunnel implements VxlanTunnel {
  private final VxlanTunnel adapter;
  private final NamespaceThread inside;

  InsideVxlanTunnel(VxlanTunnel adapter, NamespaceThread inside) {
    this.adapter = adapter;
    this.inside = inside;
  }

  @Override
  public Optional<VxlanDevice> device() {
    return inside.call(adapter::device);
  }

  @Override
  public void ensure(VxlanDevice device) {
    inside.run(() -> adapter.ensure(device));
  }

  @Override
  public boolean remove() {
    return inside.call(adapter::remove);
  }

  @Override
  public List<VxlanPeer> peers() {
    return inside.call(adapter::peers);
  }

  @Override
  public void addPeer(VxlanPeer peer) {
    inside.run(() -> adapter.addPeer(peer));
  }

  @Override
  public boolean removePeer(VxlanPeer peer) {
    return inside.call(() -> adapter.removePeer(peer));
  }
}
