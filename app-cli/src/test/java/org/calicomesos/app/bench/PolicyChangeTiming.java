package org.calicomesos.app.bench;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointCodec;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.policy.PolicySync;
import org.calicomesos.core.profile.ProfileCodecs;
import org.calicomesos.core.rule.PolicyRecords;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Times what the agent's policy loop does when a policy or a label changes — absorb the watch event, compile the
 * host's policy, send the kernel the difference — in one JVM, on a store in memory, with the nftables dataplane
 * ({@code nft}, into {@code table inet calico_mesos}) or none ({@code compile}: the compile alone). Numbers:
 * docs/benchmarks.md, "Policy rules". A hand-run harness, not a test: it asserts nothing.
 *
 * <p>The cluster: {@code endpoints} endpoints on 100 hosts, {@code local} of them on this one, each in one of 20
 * netgroups and labelled {@code app=app<i mod 50>}, {@code tier} one of three. {@code policies} policies, each
 * selecting one app and admitting TCP on its own port from two other apps ({@code in}), ICMP echo from
 * {@code has(tier)}, denying 192.0.2.0/24; every other one also has egress rules. With {@code policies} 0 the table is
 * today's netgroup-only one. Prints the first (whole-table) apply, then per change median and p95 over {@code runs},
 * then the whole table from a fresh loop (as after a restart) over a third as many runs; the same with {@code compile}
 * gives the compile's share of each.
 *
 * <p>Needs root for {@code nft}, and no other {@code calico_mesos} table (run it under {@code flock
 * /work/rootns.lock} beside other tests). After {@code mvn -o -q -pl app-cli -am test-compile
 * dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp-app-cli.txt}:
 * <pre>
 * java -cp app-cli/target/test-classes:app-cli/target/classes:$(cat /tmp/cp-app-cli.txt) \
 *     org.calicomesos.app.bench.PolicyChangeTiming [nft|compile] [endpoints=1000] [local=100] [policies=50] [runs=30]
 * </pre>
 */
public final class PolicyChangeTiming {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName HERE = new NodeName("bench-here");
  private static final int APPS = 50;
  private static final int NETGROUPS = 20;

  private PolicyChangeTiming() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "nft";
    int endpoints = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int local = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int policies = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    PolicyDataplane dataplane = mode.equals("nft") ? NftablesPolicyModule.nftablesPolicyDataplane()
        : new RecordingPolicyDataplane();
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    writeCluster(store, endpoints, local, policies);
    PolicySync sync = new PolicySync(store, KEYS, new EndpointSettings(HERE, 1500,
        Optional.of(Addresses.parseAnyAddress("host", "10.255.0.1"))), dataplane);
    try {
      long start = System.nanoTime();
      sync.resync();
      System.out.printf("%s: %,d endpoints, %d local, %d policies; first apply (whole table) %.1f ms%n", mode,
          endpoints, local, policies, (System.nanoTime() - start) / 1e6);
      List<Double> policyChanges = new ArrayList<>();
      List<Double> labelChanges = new ArrayList<>();
      for (int run = 0; run < runs + 3; run++) {
        double policyChange = policies == 0 ? 0
            : timed(sync, put(store, KEYS.policy(policyName(run % policies)),
                PolicyRecords.encode(policy(run % policies, 9000 + run))));
        // A remote endpoint of app 1 becomes app 2: it leaves one selector set and joins another.
        int moved = local + run % Math.max(1, endpoints - local);
        double labelChange = timed(sync, put(store, endpointKey(moved, local), endpoint(moved, "app" + (run % 2 + 1))));
        if (run >= 3) {
          policyChanges.add(policyChange);
          labelChanges.add(labelChange);
        }
      }
      // The whole table again, as after an agent restart: a fresh loop, its first compile and one full apply.
      List<Double> whole = new ArrayList<>();
      for (int run = 0; run < Math.max(5, runs / 3); run++) {
        dataplane.withdraw();
        PolicySync fresh = new PolicySync(store, KEYS, new EndpointSettings(HERE, 1500,
            Optional.of(Addresses.parseAnyAddress("host", "10.255.0.1"))), dataplane);
        long begin = System.nanoTime();
        fresh.resync();
        whole.add((System.nanoTime() - begin) / 1e6);
      }
      System.out.printf("the whole table, from a fresh loop (compile and, with nft, one full apply): median %.1f ms, "
          + "p95 %.1f ms%n", percentile(whole, 50), percentile(whole, 95));
      if (policies > 0) {
        System.out.printf("a policy's rules change: median %.1f ms, p95 %.1f ms%n", percentile(policyChanges, 50),
            percentile(policyChanges, 95));
      }
      System.out.printf("a remote endpoint's labels change: median %.1f ms, p95 %.1f ms%n",
          percentile(labelChanges, 50), percentile(labelChanges, 95));
    } finally {
      dataplane.withdraw();
    }
  }

  private static double timed(PolicySync sync, Entry written) {
    long start = System.nanoTime();
    sync.absorb(List.of(WatchEvent.put(written)));
    sync.enforcePending();
    return (System.nanoTime() - start) / 1e6;
  }

  private static Entry put(MemoryKeyValueStore store, String key, String value) {
    Optional<Entry> current = store.get(key);
    if (current.isPresent()) {
      store.update(key, value, current.get().revision());
    } else {
      store.create(key, value);
    }
    return store.get(key).orElseThrow();
  }

  private static void writeCluster(MemoryKeyValueStore store, int endpoints, int local, int policies) {
    for (int group = 0; group < NETGROUPS; group++) {
      ProfileName name = new ProfileName("ng" + group);
      store.create(KEYS.profileRules(name), ProfileCodecs.RULES.encode(new ProfileCodecs.Rules(
          List.of(Rule.allowFromTag(name.value())), List.of(Rule.ALLOW_ALL))));
      store.create(KEYS.profileTags(name), ProfileCodecs.TAGS.encode(List.of(name.value())));
    }
    for (int i = 0; i < endpoints; i++) {
      store.create(endpointKey(i, local), endpoint(i, "app" + (i % APPS)));
    }
    for (int p = 0; p < policies; p++) {
      store.create(KEYS.policy(policyName(p)), PolicyRecords.encode(policy(p, 8000 + p)));
    }
  }

  private static NodeName node(int i, int local) {
    return i < local ? HERE : new NodeName("bench-host-" + (i % 99));
  }

  private static String endpointKey(int i, int local) {
    ContainerId container = new ContainerId("c" + i);
    return KEYS.endpoint(node(i, local), container, EndpointId.of(container));
  }

  private static String endpoint(int i, String app) {
    ContainerId container = new ContainerId("c" + i);
    IPAddress address = Addresses.parseNet("bench", "10." + (64 + i / 65536) + "." + (i / 256 % 256) + "."
        + (i % 256) + "/32");
    Endpoint endpoint = new Endpoint(EndpointId.of(container), container, EndpointId.of(container).hostInterfaceName(),
        "ee:ee:ee:ee:ee:ee", List.of(address), List.of(), List.of(new ProfileName("ng" + (i % NETGROUPS))),
        Map.of("app", app, "tier", List.of("front", "middle", "back").get(i % 3)), Optional.empty(),
        Optional.empty());
    return EndpointCodec.ENDPOINT.encode(endpoint);
  }

  private static PolicyName policyName(int p) {
    return new PolicyName("policy-" + p);
  }

  private static NetworkPolicy policy(int p, int port) {
    Selector peers = Selector.parse("app in {\"app" + (p + 1) % APPS + "\", \"app" + (p + 2) % APPS + "\"}");
    List<Rule> ingress = List.of(
        new Rule(RuleAction.DENY, Optional.empty(), Optional.empty(),
            RuleEntity.net(Addresses.parseNet("bench", "192.0.2.0/24")), RuleEntity.ANY),
        new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP), Optional.empty(), RuleEntity.selector(peers),
            RuleEntity.ports(PortRange.of(port))),
        new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMP), Optional.of(IcmpMatch.type(8)),
            RuleEntity.selector(Selector.parse("has(tier)")), RuleEntity.ANY));
    List<Rule> egress = p % 2 == 0 ? List.of(
        new Rule(RuleAction.DENY, Optional.empty(), Optional.empty(), RuleEntity.ANY,
            RuleEntity.net(Addresses.parseNet("bench", "203.0.113.0/24"))),
        Rule.ALLOW_ALL) : List.of();
    Set<PolicyType> types = egress.isEmpty() ? Set.of(PolicyType.INGRESS) : Set.of(PolicyType.INGRESS,
        PolicyType.EGRESS);
    return new NetworkPolicy(policyName(p), OptionalDouble.of(p), Selector.parse("app == \"app" + p % APPS + "\""),
        types, ingress, egress);
  }

  /** {@link PlanTiming#percentile} of the values, unsorted. */
  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return PlanTiming.percentile(sorted, p);
  }
}
