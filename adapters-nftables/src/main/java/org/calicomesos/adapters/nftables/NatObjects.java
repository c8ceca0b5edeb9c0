package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;

/**
 * What NAT outgoing and port mappings put in our table: per family, five sets and maps whose elements follow from
 * the policy ({@link #of}), and three NAT chains that never change ({@link #chains}), so that any change of the
 * host's NAT is element adds and deletes.
 *
 * <ul>
 *   <li>NAT outgoing: in postrouting, traffic that came in on a {@code cali*} interface from a NAT-outgoing pool
 *       ({@code nat_outgoing4}) to an address in no pool ({@code nat_pools4}) is masqueraded. Pool CIDRs are merged
 *       first ({@link NftAddresses#mergedBlocks}), so overlapping pools cannot make the set refuse them.
 *   <li>Port mappings: in prerouting and output, a connection to any address of the host's own ({@code fib daddr
 *       type local}) on a mapped protocol and host port is DNATed to the endpoint's first single address of the
 *       packet's family on the container port ({@code port_dnat4}); an endpoint without an address of a family gets
 *       no mapping in it. Loopback (127.0.0.0/8, ::1) is not mapped: that would take portmap's SNAT and
 *       {@code route_localnet}, which let any container reach the host's loopback services; we do not.
 *   <li>Admission: the endpoint's inbound chain admits a DNATed connection to a mapped container address, protocol
 *       and port ({@code mapped_ports4}) after its network policies and before its profiles' rules: the operator
 *       asked for the exposure, and a policy may narrow it. A container's own outbound rules still apply to what it
 *       sends through a mapping.
 *   <li>Hairpin: a container that reaches itself through a mapping would get its own address as source and drop the
 *       packet as a martian, so such a DNATed connection (source . destination in {@code hairpin4}) is masqueraded.
 * </ul>
 */
final class NatObjects {
  private NatObjects() {}

  /** The sets and maps of both families, with their elements for {@code policy}, always in the same order. */
  static List<ElementObject> of(HostPolicy policy) {
    List<ElementObject> objects = new ArrayList<>();
    for (NftFamily family : NftFamily.values()) {
      objects.add(poolSet(NftNames.NAT_POOLS, family, policy.nat().pools()));
      objects.add(poolSet(NftNames.NAT_OUTGOING, family, policy.nat().natOutgoing()));
      objects.addAll(mappingObjects(policy.endpoints(), family));
    }
    return objects;
  }

  /** The DNAT map, the admitted ports and the hairpin pairs of one family. */
  private static List<ElementObject> mappingObjects(List<EndpointPolicy> endpoints, NftFamily family) {
    List<String> dnat = new ArrayList<>();
    List<String> admitted = new ArrayList<>();
    List<String> hairpin = new ArrayList<>();
    for (EndpointPolicy endpoint : endpoints) {
      Optional<String> target = target(endpoint, family);
      if (target.isEmpty() || endpoint.portMappings().isEmpty()) {
        continue;
      }
      for (PortMapping mapping : endpoint.portMappings()) {
        String protocol = mapping.protocol().keyword();
        dnat.add(protocol + " . " + mapping.hostPort() + " : " + target.get() + " . " + mapping.containerPort());
        admitted.add(target.get() + " . " + protocol + " . " + mapping.containerPort());
      }
      // From any of its addresses: a second one would be a martian source to the container just as well.
      NftFamily.membersOf(endpoint.addresses(), family).stream().flatMap(a -> NftAddresses.single(a).stream())
          .forEach(source -> hairpin.add(source + " . " + target.get()));
    }
    String address = family.setType();
    return List.of(
        new ElementObject("map", NftNames.ofFamily(NftNames.PORT_DNAT, family),
            List.of("type inet_proto . inet_service : " + address + " . inet_service"), dnat),
        new ElementObject("set", NftNames.ofFamily(NftNames.MAPPED_PORTS, family),
            List.of("type " + address + " . inet_proto . inet_service"), admitted),
        new ElementObject("set", NftNames.ofFamily(NftNames.HAIRPIN, family),
            List.of("type " + address + " . " + address), hairpin));
  }

  /** The three NAT base chains. */
  static void chains(ScriptWriter script) {
    List<String> dnat = new ArrayList<>();
    for (NftFamily family : NftFamily.values()) {
      String loopback = family == NftFamily.IPV4 ? "127.0.0.0/8" : "::1";
      dnat.add(family.match("daddr") + " != " + loopback + " fib daddr type local dnat " + family.selector()
          + " to meta l4proto . th dport map @" + NftNames.ofFamily(NftNames.PORT_DNAT, family));
    }
    script.open("chain " + NftNames.NAT_PREROUTING).line("type nat hook prerouting priority dstnat; policy accept;");
    dnat.forEach(script::line);
    script.close();
    // The host's own connections to its addresses meet output, not prerouting.
    script.open("chain " + NftNames.NAT_OUTPUT).line("type nat hook output priority -100; policy accept;");
    dnat.forEach(script::line);
    script.close();
    script.open("chain " + NftNames.NAT_POSTROUTING).line("type nat hook postrouting priority srcnat; policy accept;");
    for (NftFamily family : NftFamily.values()) {
      script.line("ct status dnat " + family.match("saddr") + " . " + family.match("daddr") + " @"
          + NftNames.ofFamily(NftNames.HAIRPIN, family) + " masquerade");
    }
    // A forwarded packet still has its input interface in postrouting.
    for (NftFamily family : NftFamily.values()) {
      script.line("iifname \"cali*\" " + family.match("saddr") + " @" + NftNames.ofFamily(NftNames.NAT_OUTGOING, family)
          + " " + family.match("daddr") + " != @" + NftNames.ofFamily(NftNames.NAT_POOLS, family) + " masquerade");
    }
    script.close();
  }

  /** The endpoint inbound chain's rules that admit a mapped port, before its profiles' rules. */
  static List<String> admissions() {
    List<String> rules = new ArrayList<>();
    for (NftFamily family : NftFamily.values()) {
      rules.add("ct status dnat " + family.match("daddr") + " . meta l4proto . th dport @"
          + NftNames.ofFamily(NftNames.MAPPED_PORTS, family) + " return");
    }
    return rules;
  }

  private static ElementObject poolSet(String name, NftFamily family, List<IPAddress> pools) {
    return new ElementObject("set", NftNames.ofFamily(name, family), List.of("type " + family.setType(),
        "flags interval"), NftAddresses.mergedBlocks(NftFamily.membersOf(pools, family)));
  }

  /** Where the endpoint's mappings lead in {@code family}: its first single address of it. */
  private static Optional<String> target(EndpointPolicy endpoint, NftFamily family) {
    return NftFamily.membersOf(endpoint.addresses(), family).stream()
        .flatMap(address -> NftAddresses.single(address).stream()).findFirst();
  }
}
