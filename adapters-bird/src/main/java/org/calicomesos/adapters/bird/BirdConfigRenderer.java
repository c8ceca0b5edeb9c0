package org.calicomesos.adapters.bird;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeer;

/**
 * Renders a {@link BgpConfiguration} as a whole BIRD 2 configuration file. BIRD installs into the kernel only
 * what it learnt over BGP (as {@code proto bird}, rtnetlink protocol 12), announces only this host's blocks,
 * and learns nothing from the kernel. Every value spliced in is an address, a number or a validated node name.
 */
final class BirdConfigRenderer {
  // A node name (ports' identifier rule) cannot hold '"' or '\'; checked again because it goes inside a string.
  private static final Pattern SAFE_TEXT = Pattern.compile("[A-Za-z0-9_.-]+");

  String render(BgpConfiguration configuration) {
    StringBuilder out = new StringBuilder();
    out.append("""
        # Written by calico-mesos from the datastore and replaced whole on every change: edits here are lost.
        router id %s;
        # ISO 8601 with the zone and without spaces, so that 'show protocols' can be read back by the agent.
        timeformat protocol "%%FT%%T%%z";

        # Keeps BIRD's view of the interfaces, which 'direct' sessions need. There is no 'protocol direct':
        # interface routes are neither imported nor announced.
        protocol device {
        }

        # Every peer is 'direct', on a link this host shares: iBGP sessions are otherwise multihop, and their
        # recursive next hops would need the link's route in BIRD's table; a direct session's routes go via
        # the peer's own address.
        """.formatted(configuration.routerId().toCanonicalString()));
    family(out, "4", "ipv4", blocksOf(configuration, true));
    if (usesIpv6(configuration)) {
      family(out, "6", "ipv6", blocksOf(configuration, false));
    }
    for (BgpPeer peer : configuration.peers()) {
      peer(out, peer, configuration);
    }
    return out.toString();
  }

  private static void family(StringBuilder out, String suffix, String channel, List<IPAddress> blocks) {
    out.append("""

        # Only routes learnt over BGP go into the kernel's main table (as proto bird). The blackholes below
        # stay inside BIRD: the agent keeps its own for its blocks (proto 196). Nothing is learnt from the kernel;
        # the periodic scan puts back a BGP route someone deleted.
        protocol kernel kernel%1$s {
          scan time 10;
          learn off;
          %2$s {
            import none;
            export where source = RTS_BGP;
          };
        }

        # This host's blocks, to be announced; 'blackhole' because a static route needs some destination.
        protocol static blocks%1$s {
          %2$s;
        """.formatted(suffix, channel));
    for (IPAddress block : blocks) {
      out.append("  route ").append(block.toCanonicalString()).append(" blackhole;\n");
    }
    out.append("}\n");
  }

  private static void peer(StringBuilder out, BgpPeer peer, BgpConfiguration configuration) {
    out.append("\nprotocol bgp ").append(ProtocolNames.of(peer)).append(" {\n");
    peer.node().map(Object::toString).filter(name -> SAFE_TEXT.matcher(name).matches())
        .ifPresent(name -> out.append("  description \"").append(name).append("\";\n"));
    out.append("""
          local as %s;
          neighbor %s as %s;
          direct;
          %s {
            import all;
            export where source = RTS_STATIC;
          };
        }
        """.formatted(configuration.localAs(), peer.address().toCanonicalString(), peer.asNumber(),
        peer.address().isIPv4() ? "ipv4" : "ipv6"));
  }

  private static List<IPAddress> blocksOf(BgpConfiguration configuration, boolean ipv4) {
    return configuration.announcedBlocks().stream().filter(block -> block.isIPv4() == ipv4).toList();
  }

  private static boolean usesIpv6(BgpConfiguration configuration) {
    return configuration.announcedBlocks().stream().anyMatch(IPAddress::isIPv6)
        || configuration.peers().stream().anyMatch(peer -> peer.address().isIPv6());
  }
}
