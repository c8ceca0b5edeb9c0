package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.function.Function;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;

/**
 * Renders a {@link HostPolicy} as the nft transaction that replaces our table with one enforcing it: {@code table}
 * (creates it if absent, so that the {@code delete} cannot fail), {@code delete table}, then the whole new table.
 * The kernel commits the three as one, so packets meet the old table or the new one, never none.
 *
 * <p>The table: one IPv4 and one IPv6 interval set per tag and per selector; the set of endpoint interfaces and two verdict maps from
 * interface to the endpoint's chains; per family, the set of (interface . address) pairs endpoints may send from;
 * base chains on forward, input and output that send {@code cali*} traffic to a dispatch chain. Traffic from a
 * container is dropped first if its source is not one of that endpoint's addresses — before conntrack may accept it
 * as part of an established flow, so a spoofed packet cannot ride on another endpoint's connection — and so is all
 * traffic of a {@code cali*} interface no endpoint names (fail closed); established flows are then accepted, and the
 * rest jumps to the endpoint's chain. An endpoint's {@code from_} chain returns for what its egress policies or, after
 * them, an outbound rule admits and drops the rest; its {@code to_} chain does the same with the ingress policies,
 * mapped ports and the inbound rules ({@link EndpointObjects}); each policy has a chain of its own per direction
 * ({@link PolicyChains}), and the endpoints that apply the same policies in a direction share a chain that runs them
 * ({@link PolicyListChains}). Neighbour discovery between host and container passes before any of it. The hooks match
 * {@code cali*} only, as Calico's do: an endpoint on another interface gets its chains, but no traffic meets them.
 * NAT outgoing and port mappings are NAT chains and per-family sets and maps ({@link NatObjects}). Connections to the host's loopback addresses are never
 * mapped.
 *
 * <p>Output depends only on the policy and its order (core sorts it), so equal policies give identical scripts.
 */
final class RulesetRenderer {
  private final String table;

  RulesetRenderer(String table) {
    this.table = table;
  }

  String replace(HostPolicy policy) {
    ScriptWriter script = new ScriptWriter()
        .line("table inet " + table)
        .line("delete table inet " + table)
        .open("table inet " + table);
    for (AddressSet set : AddressSet.allOf(policy).values()) {
      for (NftFamily family : NftFamily.values()) {
        addressSet(script, set.names().of(family), family, set.members());
      }
    }
    dispatchObjects(script, policy.endpoints());
    NatObjects.of(policy).forEach(object -> declare(script, object));
    baseChains(script);
    NatObjects.chains(script);
    RuleLines rules = new RuleLines();
    // Each chain before the chains that jump to it: policies, then lists of them, then endpoints.
    PolicyChains.of(policy).forEach((name, chainRules) -> chain(script, name,
        PolicyChains.statements(chainRules, rules, name)));
    PolicyListChains.of(policy).forEach((name, statements) -> chain(script, name, statements));
    for (EndpointPolicy endpoint : policy.endpoints()) {
      chain(script, NftNames.fromChain(endpoint.hostInterface()), EndpointObjects.fromStatements(endpoint, rules));
      chain(script, NftNames.toChain(endpoint.hostInterface()), EndpointObjects.toStatements(endpoint, rules));
    }
    return script.close().toString();
  }

  /** The transaction that removes our table, and succeeds when there is none. */
  String withdraw() {
    return new ScriptWriter().line("table inet " + table).line("delete table inet " + table).toString();
  }

  private static void addressSet(ScriptWriter script, String name, NftFamily family, List<IPAddress> members) {
    script.open("set " + name).line("type " + family.setType()).line("flags interval").line("auto-merge");
    List<IPAddress> ofFamily = NftFamily.membersOf(members, family);
    if (!ofFamily.isEmpty()) {
      script.line("elements = " + braced(NftAddresses.expression(ofFamily)));
    }
    script.close();
  }

  private static void dispatchObjects(ScriptWriter script, List<EndpointPolicy> endpoints) {
    script.open("set " + NftNames.ENDPOINT_INTERFACES).line("type ifname");
    elements(script, endpoints, endpoint -> NftNames.quoted(endpoint.hostInterface()));
    script.close();
    for (NftFamily family : NftFamily.values()) {
      script.open("set " + NftNames.ENDPOINT_SOURCES + family.digit()).line("type ifname . " + family.setType())
          .line("flags interval");
      List<String> pairs = endpoints.stream()
          .flatMap(endpoint -> EndpointObjects.sourcePairs(endpoint, family).stream()).toList();
      if (!pairs.isEmpty()) {
        script.line("elements = { " + String.join(", ", pairs) + " }");
      }
      script.close();
    }
    script.open("map " + NftNames.FROM_ENDPOINT_MAP).line("type ifname : verdict");
    elements(script, endpoints, EndpointObjects::fromVerdict);
    script.close();
    script.open("map " + NftNames.TO_ENDPOINT_MAP).line("type ifname : verdict");
    elements(script, endpoints, EndpointObjects::toVerdict);
    script.close();
  }

  private static void declare(ScriptWriter script, ElementObject object) {
    script.open(object.kind() + " " + object.name());
    object.declaration().forEach(script::line);
    if (!object.elements().isEmpty()) {
      script.line("elements = { " + String.join(", ", object.elements()) + " }");
    }
    script.close();
  }

  private static void elements(ScriptWriter script, List<EndpointPolicy> endpoints,
      Function<EndpointPolicy, String> element) {
    if (!endpoints.isEmpty()) {
      script.line("elements = { " + String.join(", ", endpoints.stream().map(element).toList()) + " }");
    }
  }

  private static void baseChains(ScriptWriter script) {
    String fromWorkload = "jump " + NftNames.DISPATCH_FROM_WORKLOAD;
    String toWorkload = "jump " + NftNames.DISPATCH_TO_WORKLOAD;
    script.open("chain forward").line("type filter hook forward priority filter; policy accept;")
        .line("iifname \"cali*\" " + fromWorkload)
        .line("oifname \"cali*\" " + toWorkload)
        .close();
    // Neighbour discovery first: a container must resolve its gateway, and the host the container, also while no
    // policy names the interface yet and whatever its rules say about the host's link-local address.
    script.open("chain input").line("type filter hook input priority filter; policy accept;")
        .line("iifname \"cali*\" icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit } accept")
        .line("iifname \"cali*\" " + fromWorkload)
        .close();
    script.open("chain output").line("type filter hook output priority filter; policy accept;")
        .line("oifname \"cali*\" icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept")
        .line("oifname \"cali*\" " + toWorkload)
        .close();
    script.open("chain " + NftNames.DISPATCH_FROM_WORKLOAD)
        .line("iifname != @" + NftNames.ENDPOINT_INTERFACES + " drop");
    for (NftFamily family : NftFamily.values()) {
      script.line("iifname . " + family.match("saddr") + " != @" + NftNames.ENDPOINT_SOURCES + family.digit() + " drop");
    }
    script.line("ct state established,related accept")
        .line("ct state invalid drop")
        .line("iifname vmap @" + NftNames.FROM_ENDPOINT_MAP)
        .close();
    script.open("chain " + NftNames.DISPATCH_TO_WORKLOAD)
        .line("ct state established,related accept")
        .line("ct state invalid drop")
        .line("oifname != @" + NftNames.ENDPOINT_INTERFACES + " drop");
    script.line("oifname vmap @" + NftNames.TO_ENDPOINT_MAP).close();
  }

  private static void chain(ScriptWriter script, String name, List<String> statements) {
    script.open("chain " + name);
    statements.forEach(script::line);
    script.close();
  }

  private static String braced(String expression) {
    return expression.startsWith("{") ? expression : "{ " + expression + " }";
  }
}
