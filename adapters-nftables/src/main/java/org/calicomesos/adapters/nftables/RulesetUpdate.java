package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.TagSet;

/**
 * Renders the nft transaction that turns our table as it stands for one policy into the table for another, touching
 * only what differs: an endpoint that comes gets its chains and its elements, one that goes loses them, a tag set
 * gains its new members. The result equals what {@link RulesetRenderer#replace} builds for the new policy (the
 * integration test compares the two in the kernel), and the kernel commits it as one transaction.
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
    Map<String, TagSetNames> names = TagSetNames.allOf(to.tagSets());
    Map<String, TagSet> oldTags = byKey(from.tagSets(), TagSet::tag);
    Map<String, TagSet> newTags = byKey(to.tagSets(), TagSet::tag);
    Map<String, EndpointPolicy> oldEndpoints = byKey(from.endpoints(), endpoint -> endpoint.hostInterface().value());
    Map<String, EndpointPolicy> newEndpoints = byKey(to.endpoints(), endpoint -> endpoint.hostInterface().value());
    RuleLines rules = new RuleLines(names);
    List<String> script = new ArrayList<>();

    // Sets first, so that new rules can name them; sets that go, last, once no rule names them.
    for (TagSet tagSet : to.tagSets()) {
      TagSet old = oldTags.get(tagSet.tag());
      if (tagSet.equals(old)) {
        continue; // most are, and their members' values are the costly part of rendering an update
      }
      for (NftFamily family : NftFamily.values()) {
        String name = names.get(tagSet.tag()).of(family);
        if (old == null) {
          script.add("add set " + object(name) + " { type " + family.setType() + "; flags interval; auto-merge; }");
        }
        updateMembers(script, name, values(old, family), values(tagSet, family));
      }
    }
    for (EndpointPolicy endpoint : to.endpoints()) {
      EndpointPolicy old = oldEndpoints.get(endpoint.hostInterface().value());
      if (old == null) {
        addEndpoint(script, endpoint, rules);
      } else if (!old.equals(endpoint)) {
        changeEndpoint(script, old, endpoint, rules);
      }
    }
    natChanges(script, NatObjects.of(from), NatObjects.of(to));
    for (EndpointPolicy endpoint : from.endpoints()) {
      if (!newEndpoints.containsKey(endpoint.hostInterface().value())) {
        removeEndpoint(script, endpoint);
      }
    }
    for (TagSet tagSet : from.tagSets()) {
      if (!newTags.containsKey(tagSet.tag())) {
        TagSetNames gone = TagSetNames.of(tagSet.tag());
        for (NftFamily family : NftFamily.values()) {
          script.add("delete set " + object(gone.of(family)));
        }
      }
    }
    return script.isEmpty() ? "" : String.join("\n", script) + "\n";
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
    chains(script, "add", endpoint, rules);
    elements(script, "add", NftNames.ENDPOINT_INTERFACES, List.of(NftNames.quoted(endpoint.hostInterface())));
    for (NftFamily family : NftFamily.values()) {
      elements(script, "add", NftNames.ENDPOINT_SOURCES + family.digit(), EndpointObjects.sourcePairs(endpoint, family));
    }
    elements(script, "add", NftNames.FROM_ENDPOINT_MAP, List.of(EndpointObjects.fromVerdict(endpoint)));
    elements(script, "add", NftNames.TO_ENDPOINT_MAP, List.of(EndpointObjects.toVerdict(endpoint)));
  }

  private void changeEndpoint(List<String> script, EndpointPolicy old, EndpointPolicy now, RuleLines rules) {
    if (!old.profiles().equals(now.profiles())) {
      chains(script, "flush", now, rules);
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

  /** Each of the endpoint's two chains made ({@code add}) or emptied ({@code flush}), then filled. */
  private void chains(List<String> script, String verb, EndpointPolicy endpoint, RuleLines rules) {
    String from = NftNames.fromChain(endpoint.hostInterface());
    String to = NftNames.toChain(endpoint.hostInterface());
    script.add(verb + " chain " + object(from));
    EndpointObjects.fromStatements(endpoint, rules).forEach(rule -> script.add("add rule " + object(from) + " " + rule));
    script.add(verb + " chain " + object(to));
    EndpointObjects.toStatements(endpoint, rules).forEach(rule -> script.add("add rule " + object(to) + " " + rule));
  }

  private void elements(List<String> script, String verb, String set, List<String> elements) {
    if (!elements.isEmpty()) {
      script.add(verb + " element " + object(set) + " { " + String.join(", ", elements) + " }");
    }
  }

  private String object(String name) {
    return "inet " + table + " " + name;
  }

  /** The set's element values of {@code family}, in order, as {@link NftAddresses} writes them. */
  private static List<String> values(TagSet tagSet, NftFamily family) {
    if (tagSet == null) {
      return List.of();
    }
    return NftFamily.membersOf(tagSet.members(), family).stream()
        .flatMap(member -> NftAddresses.values(member).stream()).distinct().toList();
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(key.apply(item), item));
    return map;
  }
}
