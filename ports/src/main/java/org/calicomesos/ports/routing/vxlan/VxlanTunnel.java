package org.calicomesos.ports.routing.vxlan;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * This host's VXLAN tunnel to other hosts (encapsulated routing), as Calico built it: one device of ours,
 * {@value #DEVICE}, and per other host a {@link VxlanPeer} (a permanent neighbour entry and a forwarding entry on
 * that device). Routes through it are {@link org.calicomesos.ports.routing.RouteTable}'s encapsulated
 * {@link org.calicomesos.ports.routing.HostRoute}s. Everything on the device is ours; nothing else is touched.
 * Which device and peers should exist is decided in core; implementations only translate. Failures are
 * {@link DataplaneException}s an operator can act on (e.g. this kernel has no VXLAN support). Implementations act
 * on the network namespace of the calling thread.
 */
public interface VxlanTunnel {
  /** The device's name, as Calico names its own. */
  String DEVICE = "vxlan.calico";

  /** The VXLAN network identifier, Calico's default. */
  int VNI = 4096;

  /** The UDP port, IANA's for VXLAN (and Calico's default). */
  int PORT = 4789;

  /** The device as the kernel holds it, or empty when there is none. */
  Optional<VxlanDevice> device();

  /**
   * Makes the device exist as {@code device} says, and up: creates it, or changes what differs (its MAC and MTU in
   * place; a device of another VNI, port or source is replaced, which drops the routes and peers through it). Nothing
   * changes if it already matches. Refuses with a {@link DataplaneException} if a link of that name exists that is
   * not a VXLAN device.
   */
  void ensure(VxlanDevice device);

  /** Deletes the device, and with it every route and peer entry through it; false if there was none (idempotent). */
  boolean remove();

  /**
   * The peers on the device: every permanent neighbour entry with a link-layer address whose forwarding entry sends
   * that address to the neighbour's own IP. Empty when there is no device.
   */
  List<VxlanPeer> peers();

  /**
   * Makes {@code peer} present: writes (or rewrites) its neighbour entry and its forwarding entry; nothing changes if
   * both are there. Refuses with a {@link DataplaneException} when there is no device.
   */
  void addPeer(VxlanPeer peer);

  /** Removes the peer's neighbour and forwarding entries; false if neither was there (idempotent, also with no device). */
  boolean removePeer(VxlanPeer peer);
}
