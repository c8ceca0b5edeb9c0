package org.calicomesos.adapters.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * A {@link VxlanTunnel} in memory, for tests of core; no kernel. Like the kernel, it refuses a peer while there is no
 * device and forgets the peers when the device goes; the order of calls is kept for tests to read.
 */
public final class RecordingVxlanTunnel implements VxlanTunnel {
  private final Map<String, VxlanPeer> peers = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private VxlanDevice device;

  /** Every call that changed something, in order: {@code ensure <device>}, {@code remove}, {@code add <peer>}, {@code remove <peer>}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized Optional<VxlanDevice> device() {
    return Optional.ofNullable(device);
  }

  @Override
  public synchronized void ensure(VxlanDevice wanted) {
    if (wanted.equals(device)) {
      return;
    }
    if (device != null && !device.local().equals(wanted.local())) {
      peers.clear(); // a new source means a new device, as in the kernel
    }
    device = wanted;
    calls.add("ensure " + wanted);
  }

  @Override
  public synchronized boolean remove() {
    if (device == null) {
      return false;
    }
    device = null;
    peers.clear();
    calls.add("remove");
    return true;
  }

  @Override
  public synchronized List<VxlanPeer> peers() {
    return new ArrayList<>(peers.values());
  }

  @Override
  public synchronized void addPeer(VxlanPeer peer) {
    if (device == null) {
      throw new DataplaneException("cannot add VXLAN peer " + peer + ": there is no " + DEVICE);
    }
    if (!peer.equals(peers.put(peer.address().toCanonicalString(), peer))) {
      calls.add("add " + peer);
    }
  }

  @Override
  public synchronized boolean removePeer(VxlanPeer peer) {
    boolean removed = peers.remove(peer.address().toCanonicalString(), peer);
    if (removed) {
      calls.add("remove " + peer);
    }
    return removed;
  }
}
