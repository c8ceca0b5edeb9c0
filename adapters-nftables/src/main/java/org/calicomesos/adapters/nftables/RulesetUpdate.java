package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * Renders the nft transaction that turns our table as it stands for one policy into the table for another, touching
 * only what differs: an endpoint that comes gets its chains and its elements, one that goes loses them, a tag or
 * selector set gains its new members (a label change is an element change), a policy's chain or a list chain is
 * added before a chain jumps to it, refilled when its content changes, and deleted once no chain jumps to it, and an
 * endpoint whose profiles or lists of policies changed has its chains refilled. The result equals what
 * {@link RulesetRenderer#replace} builds for the new policy (the integration test compares the two in the kernel),
 * and the kernel commits it as one transaction.
 *
 * <p>Why not always replace the table: a transaction that deletes anything waits for an RCU grace period before the
 * kernel answers (~13 ms here), and a veth deletion on the host waits behind it; one that only adds takes ~3 ms. So a
 * new container's policy is all additions, and a tag set whose members only grow gets them added; what must go (an
 * endpoint, a member) goes in the same transaction, and then it pays the wait once. NAT outgoing and port mappings
 * change only the elements of their sets and maps ({@link NatObjects}).
 */
final class RulesetUpdate {
  private final String table;

  RulesetUpdate(String table) {
    this.table = table;
  }

  String render(HostPolicy from, HostPolicy to) {
    Map<String, AddressSet> oldSets = AddressSet.allOf(from);
    Map<String, AddressSet> newSets = AddressSet.allOf(to);
    Map<String, EndpointPolicy> oldEndpoints = byKey(from.endpoints(), endpoint -> endpoint.hostInterface().value());
    Map<String, EndpointPolicy> newEndpoints = byKey(to.endpoints(), endpoint -> endpoint.hostInterface().value());
    RuleLines rules = new RuleLines();
    Map<String, List<Rule>> oldChains = PolicyChains.of(from);
    Map<String, List<Rule>> newChains = PolicyChains.of(to);
    Map<String, List<String>> oldLists = PolicyListChains.of(from);
    Map<String, List<String>> newLists = PolicyListChains.of(to);
    List<String> script = new ArrayList<>();

    // Sets first, so that new rules can name them; sets that go, last, once no rule names them.
    for (AddressSet set : newSets.values()) {
      AddressSet old = oldSets.get(set.names().ipv4());
      if (set.equals(old)) {
        continue; // most are, and their members' values are the costly part of rendering an update
      }
      for (NftFamily family : NftFamily.values()) {
        String name = set.names().of(family);
        if (old == null) {
          script.add("add set " + object(name) + " { type " + family.setType() + "; flags interval; auto-merge; }");
        }
        updateMembers(script, name, old == null ? List.of() : old.values(family), set.values(family));
      }
    }
    // Policy chains, then the list chains that jump to them, before the endpoint chains that come to jump to those.
    // Policy chains are compared by their rules, which are cheaper than their statements.
    addOrRefill(script, oldChains, newChains, (chain, chainRules) -> PolicyChains.statements(chainRules, rules, chain));
    addOrRefill(script, oldLists, newLists, (chain, statements) -> statements);
    for (EndpointPolicy endpoint : to.endpoints()) {
      EndpointPolicy old = oldEndpoints.get(endpoint.hostInterface().value());
      if (old == null) {
        addEndpoint(script, endpoint, rules);
      } else {
        changeEndpoint(script, old, endpoint, rules);
      }
    }
    natChanges(script, NatObjects.of(from), NatObjects.of(to));
    for (EndpointPolicy endpoint : from.endpoints()) {
      if (!newEndpoints.containsKey(endpoint.hostInterface().value())) {
        removeEndpoint(script, endpoint);
      }
    }
    // Once no chain jumps to them: list chains once no endpoint does, policy chains once no list does.
    deleteGone(script, oldLists, newLists);
    deleteGone(script, oldChains, newChains);
    for (AddressSet set : oldSets.values()) {
      if (!newSets.containsKey(set.names().ipv4())) {
        for (NftFamily family : NftFamily.values()) {
          script.add("delete set " + object(set.names().of(family)));
        }
      }
    }
    return script.isEmpty() ? "" : String.join("\n", script) + "\n";
  }

  /** A chain that comes is added and filled; one whose content changed is emptied and refilled in place. */
  private <T> void addOrRefill(List<String> script, Map<String, T> old, Map<String, T> now,
      BiFunction<String, T, List<String>> statements) {
    now.forEach((chain, content) -> {
      T had = old.get(chain);
      if (had == null) {
        fill(script, "add", chain, statements.apply(chain, content));
      } else if (!had.equals(content)) {
        fill(script, "flush", chain, statements.apply(chain, content));
      }
    });
  }

  private void deleteGone(List<String> script, Map<String, ?> old, Map<String, ?> now) {
    old.keySet().stream().filter(chain -> !now.containsKey(chain))
        .forEach(chain -> script.add("delete chain " + object(chain)));
  }

  /** Adds what is new; a set that loses a member is flushed and refilled, since auto-merge may have joined it. */
  private void updateMembers(List<String> script, String set, List<String> old, List<String> now) {
    if (old.equals(now)) {
      return;
    }
    List<String> added = now;
    if (!now.containsAll(old)) {
      script.add("flush set " + object(set));
    } else {
      Set<String> had = new HashSet<>(old);
      added = now.stream().filter(value -> !had.contains(value)).toList();
    }
    elements(script, "add", set, added);
  }

  /**
   * The NAT sets and maps gain and lose elements, never more: a NAT flip is a pool's elements, an endpoint's
   * mappings its own. A map element whose value changes goes by its key, before the new one comes.
   */
  private void natChanges(List<String> script, List<ElementObject> old, List<ElementObject> now) {
    for (int i = 0; i < now.size(); i++) {
      ElementObject had = old.get(i);
      ElementObject has = now.get(i);
      Set<String> before = new HashSet<>(had.elements());
      Set<String> after = new HashSet<>(has.elements());
      elements(script, "delete", has.name(),
          had.elements().stream().filter(element -> !after.contains(element)).map(had::keyOf).toList());
      elements(script, "add", has.name(),
          has.elements().stream().filter(element -> !before.contains(element)).toList());
    }
  }

  private void addEndpoint(List<String> script, EndpointPolicy endpoint, RuleLines rules) {
    fill(script, "add", NftNames.fromChain(endpoint.hostInterface()), EndpointObjects.fromStatements(endpoint, rules));
    fill(script, "add", NftNames.toChain(endpoint.hostInterface()), EndpointObjects.toStatements(endpoint, rules));
    elements(script, "add", NftNames.ENDPOINT_INTERFACES, List.of(NftNames.quoted(endpoint.hostInterface())));
    for (NftFamily family : NftFamily.values()) {
      elements(script, "add", NftNames.ENDPOINT_SOURCES + family.digit(), EndpointObjects.sourcePairs(endpoint, family));
    }
    elements(script, "add", NftNames.FROM_ENDPOINT_MAP, List.of(EndpointObjects.fromVerdict(endpoint)));
    elements(script, "add", NftNames.TO_ENDPOINT_MAP, List.of(EndpointObjects.toVerdict(endpoint)));
  }

  /**
   * A chain is refilled when its statements differ: its profiles or its list of policies changed. A policy that
   * changes, or comes to pass, changes its own chain or its lists' chains, never an endpoint's.
   */
  private void changeEndpoint(List<String> script, EndpointPolicy old, EndpointPolicy now, RuleLines rules) {
    if (old.equals(now)) {
      return;
    }
    List<String> from = EndpointObjects.fromStatements(now, rules);
    if (!EndpointObjects.fromStatements(old, rules).equals(from)) {
      fill(script, "flush", NftNames.fromChain(now.hostInterface()), from);
    }
    List<String> to = EndpointObjects.toStatements(now, rules);
    if (!EndpointObjects.toStatements(old, rules).equals(to)) {
      fill(script, "flush", NftNames.toChain(now.hostInterface()), to);
    }
    for (NftFamily family : NftFamily.values()) {
      String set = NftNames.ENDPOINT_SOURCES + family.digit();
      List<String> had = EndpointObjects.sourcePairs(old, family);
      List<String> has = EndpointObjects.sourcePairs(now, family);
      elements(script, "delete", set, had.stream().filter(pair -> !has.contains(pair)).toList());
      elements(script, "add", set, has.stream().filter(pair -> !had.contains(pair)).toList());
    }
  }

  private void removeEndpoint(List<String> script, EndpointPolicy endpoint) {
    String quoted = NftNames.quoted(endpoint.hostInterface());
    // The map elements first: a chain a verdict still jumps to cannot be deleted.
    elements(script, "delete", NftNames.FROM_ENDPOINT_MAP, List.of(quoted));
    elements(script, "delete", NftNames.TO_ENDPOINT_MAP, List.of(quoted));
    elements(script, "delete", NftNames.ENDPOINT_INTERFACES, List.of(quoted));
    for (NftFamily family : NftFamily.values()) {
      elements(script, "delete", NftNames.ENDPOINT_SOURCES + family.digit(),
          EndpointObjects.sourcePairs(endpoint, family));
    }
    script.add("delete chain " + object(NftNames.fromChain(endpoint.hostInterface())));
    script.add("delete chain " + object(NftNames.toChain(endpoint.hostInterface())));
  }

  /** The chain made ({@code add}) or emptied ({@code flush}), then filled. */
  private void fill(List<String> script, String verb, String chain, List<String> statements) {
    script.add(verb + " chain " + object(chain));
    statements.forEach(statement -> script.add("add rule " + object(chain) + " " + statement));
  }

  private void elements(List<String> script, String verb, String set, List<String> elements) {
    if (!elements.isEmpty()) {
      script.add(verb + " element " + object(set) + " { " + String.join(", ", elements) + " }");
    }
  }

  private String object(String name) {
    return "inet " + table + " " + name;
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(key.apply(item), item));
    return map;
  }
}
