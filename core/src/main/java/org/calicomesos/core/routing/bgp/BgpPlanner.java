package org.calicomesos.core.routing.bgp;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeer;

/**
 * This host's {@link BgpConfiguration}, from what the datastore says (a pure function: no I/O, same input same
 * output, so an unchanged cluster renders an unchanged file). It announces this host's confirmed blocks and
 * peers, per address family, with every other registered host (full mesh) and with the explicit peers.
 */
public final class BgpPlanner {
  // Sorted, so the rendered file does not change with the order hosts were listed in.
  private static final Comparator<IPAddress> ADDRESS_ORDER = Comparator
      .comparing((IPAddress address) -> address.isIPv6())
      .thenComparing(Comparator.naturalOrder());

  private BgpPlanner() {}

  /**
   * @param self this host; its IPv4 address is the router id, or, without one, a hash of its node name
   * @param ownBlocks the blocks confirmed affine to this host (pending claims are left out by the caller)
   * @param hosts every registered host; this host's own record among them is skipped
   */
  public static BgpConfiguration plan(BgpHost self, Collection<IPAddress> ownBlocks, Collection<BgpHost> hosts,
      BgpSettings settings) {
    Map<IPAddress, BgpPeer> peers = new LinkedHashMap<>();
    if (settings.nodeMesh()) {
      for (BgpHost host : hosts) {
        if (!host.node().equals(self.node())) {
          meshPeer(self, host, host.ipv4(), settings).ifPresent(peer -> peers.put(peer.address(), peer));
          meshPeer(self, host, host.ipv6(), settings).ifPresent(peer -> peers.put(peer.address(), peer));
        }
      }
    }
    for (BgpPeer explicit : settings.explicitPeers()) {
      // An explicit peer that is also a mesh host wins: the operator named it, perhaps with another AS.
      if (!isOwnAddress(self, explicit.address())) {
        peers.put(explicit.address(), explicit);
      }
    }
    List<BgpPeer> sortedPeers = peers.values().stream()
        .sorted(Comparator.comparing(BgpPeer::address, ADDRESS_ORDER)).toList();
    List<IPAddress> blocks = ownBlocks.stream().distinct().sorted(ADDRESS_ORDER).toList();
    return new BgpConfiguration(routerId(self), settings.asNumber(), blocks, sortedPeers);
  }

  /** A mesh session over one family exists only if both ends have an address of that family. */
  private static Optional<BgpPeer> meshPeer(BgpHost self, BgpHost host, Optional<IPAddress> address,
      BgpSettings settings) {
    return address
        .filter(theirs -> self.addressLike(theirs).isPresent())
        .filter(theirs -> !isOwnAddress(self, theirs))
        .map(theirs -> BgpPeer.mesh(host.node(), theirs, settings.asNumber()));
  }

  private static boolean isOwnAddress(BgpHost self, IPAddress address) {
    return self.addressLike(address).filter(address::equals).isPresent();
  }

  /**
   * The host's IPv4 address; an IPv6-only host gets the first 32 bits of SHA-256 of its node name instead
   * (Calico's {@code routerID: hash}): a router id is any 32-bit number unique in the AS, not an address.
   */
  static IPv4Address routerId(BgpHost self) {
    if (self.ipv4().isPresent()) {
      return self.ipv4().get().toIPv4();
    }
    byte[] digest = sha256(self.node().value());
    return new IPv4Address(new byte[] {digest[0], digest[1], digest[2], digest[3]});
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
