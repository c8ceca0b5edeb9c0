package org.calicomesos.app.admin.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.ReadoutText;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.node.HostRouting;
import org.calicomesos.ports.node.NodeStatus;
import org.calicomesos.ports.routing.bgp.BgpPeerState;

/**
 * {@code node show}. The agent's state is not read here: that is the kernel's (nftables, routes) and systemd's to
 * tell, and an admin command reads only the datastore; the text points at systemd, the JSON leaves it out. The
 * heartbeat's age says whether the agent was alive lately. In route mode bgp, BIRD's sessions ({@code bgp}) are the
 * exception: BIRD is asked on its control socket, as {@code birdc show protocols} would be. The host ports mapped
 * on this host come from its endpoint records.
 */
record NodeReport(NodeStatus status, Optional<BgpSessions> bgp, Instant now, MappedPorts mappedPorts,
    PoliciesInForce policies)
    implements Report {
  static final String AGENT_HINT = "see 'systemctl status calico-mesos-agent'";
  static final String NOT_REGISTERED = "not registered (the agent registers its host when it starts)";

  @Override
  public void printText(PrintStream out) {
    String profile = ProfileName.hostDefault(status.node()).value();
    HostRouting routing = status.routing();
    new KeyValueLines()
        .line("node", status.node())
        .line("host IP", ReadoutText.of(status.hostIp(), ip -> ip.toCanonicalString() + " (from profile " + profile + ")",
            "not recorded yet (the first isolate on this host writes profile " + profile + ")"))
        .line("affine blocks", cidrs(status.affineBlocks()))
        .line("endpoints", status.endpoints())
        .line("policies", policies.text())
        .line("route mode", ReadoutText.of(routing.routeMode(), mode -> mode.setting(), "direct"))
        .line("VXLAN pools", cidrs(routing.vxlanPools()))
        .line("NAT outgoing", cidrs(status.natOutgoingPools()))
        .line("registration", registration(routing.registration()))
        .line("other hosts", routing.otherHosts().isEmpty() ? "none" : routing.otherHosts().size())
        .line("agent", AGENT_HINT)
        .print(out);
    bgp.ifPresent(sessions -> printSessions(sessions, out));
    mappedPorts.print(out);
    if (!routing.otherHosts().isEmpty()) {
      out.println();
      TextTable hosts = new TextTable(Column.left("HOST"), Column.right("BLOCKS"), Column.left("REGISTRATION"));
      routing.otherHosts().forEach(host -> hosts.row(host.node(), host.blocks(), registration(host.registration())));
      hosts.print(out);
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("node", status.node().value());
    json.put("host_ip", status.hostIp().value().map(IPAddress::toCanonicalString).orElse(null));
    json.put("host_ip_unreadable", status.hostIp().problem().orElse(null));
    ArrayNode blocks = json.putArray("affine_blocks");
    status.affineBlocks().forEach(block -> blocks.add(block.toCanonicalString()));
    json.put("endpoints", status.endpoints());
    json.set("policies", policies.toJson());
    HostRouting routing = status.routing();
    json.put("route_mode", routing.routeMode().value().map(mode -> mode.setting()).orElse(null));
    json.put("route_mode_unreadable", routing.routeMode().problem().orElse(null));
    ArrayNode vxlan = json.putArray("vxlan_pools");
    routing.vxlanPools().forEach(pool -> vxlan.add(pool.toCanonicalString()));
    ArrayNode natOutgoing = json.putArray("nat_outgoing_pools");
    status.natOutgoingPools().forEach(pool -> natOutgoing.add(pool.toCanonicalString()));
    putRegistration(json, routing.registration());
    ArrayNode others = json.putArray("other_hosts");
    routing.otherHosts().forEach(host -> {
      ObjectNode other = others.addObject();
      other.put("node", host.node().value());
      other.put("blocks", host.blocks());
      putRegistration(other, host.registration());
    });
    bgp.ifPresent(sessions -> putSessions(json, sessions));
    json.set("mapped_ports", mappedPorts.toJson());
    return json;
  }

  private static String cidrs(List<IPAddress> cidrs) {
    return cidrs.isEmpty() ? "none" : cidrs.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(", "));
  }

  private static void printSessions(BgpSessions sessions, PrintStream out) {
    out.println();
    if (sessions.problem().isPresent()) {
      out.println("BGP peers: " + sessions.problem().get());
      return;
    }
    if (sessions.peers().isEmpty()) {
      out.println("BGP peers: none configured");
      return;
    }
    TextTable peers = new TextTable(Column.left("BGP PEER"), Column.left("HOST"), Column.right("AS"),
        Column.left("STATE"), Column.left("SINCE"), Column.left("LAST ERROR"));
    for (BgpPeerState peer : sessions.peers()) {
      peers.row(peer.peer().address().toCanonicalString(), peer.peer().node().map(Object::toString).orElse("-"),
          peer.peer().asNumber(), peer.state(), peer.since().map(Instant::toString).orElse("-"),
          peer.lastError().isEmpty() ? "-" : peer.lastError());
    }
    peers.print(out);
  }

  private static void putSessions(ObjectNode json, BgpSessions sessions) {
    ObjectNode bgp = json.putObject("bgp");
    bgp.put("problem", sessions.problem().orElse(null));
    ArrayNode peers = bgp.putArray("peers");
    for (BgpPeerState state : sessions.peers()) {
      ObjectNode peer = peers.addObject();
      peer.put("ip", state.peer().address().toCanonicalString());
      peer.put("node", state.peer().node().map(Object::toString).orElse(null));
      peer.put("as_number", state.peer().asNumber().value());
      peer.put("state", state.state());
      peer.put("since", state.since().map(Instant::toString).orElse(null));
      peer.put("last_error", state.lastError().isEmpty() ? null : state.lastError());
    }
  }

  private String registration(Readout<HostRegistration> registration) {
    return ReadoutText.of(registration, r -> RoutingText.registration(r, now), NOT_REGISTERED);
  }

  private void putRegistration(ObjectNode json, Readout<HostRegistration> registration) {
    registration.value().ifPresentOrElse(r -> json.set("registration", RoutingText.json(r, now)),
        () -> json.putNull("registration"));
    json.put("registration_unreadable", registration.problem().orElse(null));
  }
}
