package org.calicomesos.adapters.bird;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;

/**
 * Reads {@code birdc show protocols all}: a header line per protocol ({@code name proto table state since
 * info}) followed by indented "Key: value" lines. The peer is read from BIRD's own lines (neighbour address and
 * AS, and the description we wrote: the node), so a report needs no memory of what was configured.
 */
final class ProtocolsReport {
  // What BirdConfigRenderer sets with 'timeformat protocol "%FT%T%z"': 2026-11-25T04:27:29+0000.
  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private ProtocolsReport() {}

  static List<BgpPeerState> parse(String output) {
    List<BgpPeerState> states = new ArrayList<>();
    String[] header = null;
    Map<String, String> details = new HashMap<>();
    for (String line : output.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Name ")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        addIfOurs(states, header, details);
        header = line.strip().split("\\s+", 6);
        details = new HashMap<>();
      } else {
        int colon = line.indexOf(':');
        if (colon > 0) {
          details.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
    }
    addIfOurs(states, header, details);
    return states;
  }

  private static void addIfOurs(List<BgpPeerState> states, String[] header, Map<String, String> details) {
    if (header == null || header.length < 4 || !"BGP".equals(header[1]) || !ProtocolNames.isOurs(header[0])) {
      return;
    }
    BgpPeer peer = new BgpPeer(node(header[0], details), address(header[0], details),
        new AsNumber(number(header[0], details)));
    String state = details.getOrDefault("BGP state", header[3]);
    states.add(new BgpPeerState(peer, state, since(header), details.getOrDefault("Last error", "")));
  }

  private static Optional<NodeName> node(String protocol, Map<String, String> details) {
    if (!protocol.startsWith(ProtocolNames.MESH) || !details.containsKey("Description")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new NodeName(details.get("Description")));
    } catch (InvalidRequestException e) {
      return Optional.empty(); // someone else's description: the session is still reported, without a node
    }
  }

  private static IPAddress address(String protocol, Map<String, String> details) {
    // A link-local neighbour is shown with its interface: fe80::1%eth0.
    String text = required(protocol, details, "Neighbor address").replaceFirst("%.*$", "");
    IPAddress address = new IPAddressString(text).getAddress();
    if (address == null) {
      throw unreadable(protocol, "Neighbor address", text);
    }
    return address;
  }

  private static long number(String protocol, Map<String, String> details) {
    String text = required(protocol, details, "Neighbor AS");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw unreadable(protocol, "Neighbor AS", text);
    }
  }

  private static Optional<Instant> since(String[] header) {
    if (header.length < 5) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(header[4], SINCE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // BIRD started with another file's time format: no time rather than a wrong one
    }
  }

  private static String required(String protocol, Map<String, String> details, String key) {
    String value = details.get(key);
    if (value == null || value.isEmpty()) {
      throw unreadable(protocol, key, "nothing");
    }
    return value;
  }

  private static BgpSpeakerException unreadable(String protocol, String key, String found) {
    return new BgpSpeakerException("cannot read birdc's report of protocol " + protocol + ": '" + key + "' shows "
        + found);
  }
}
