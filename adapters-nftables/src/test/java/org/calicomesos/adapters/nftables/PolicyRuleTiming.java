package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * Times network policies against profiles alone, in one run (a hand-run harness like {@link PolicyApplyTiming}: it
 * asserts nothing). Models start from {@link PolicyApplyTiming#cluster} (profiles, netgroup tag sets) and add
 * {@code policies} network policies: policy {@code p} applies in both directions to the local endpoints {@code i}
 * with {@code (i + p) % 7 == 0}; its ingress rules are 2–4 of: allow TCP to port 5000+p from the members of the
 * selector {@code role == 'r<p % 25>'} (a set of every 25th endpoint of the cluster), allow UDP to 8000-8100 from a
 * /16, deny TCP to port 22 from outside 10.0.0.0/8 (every second policy), allow ICMP echo (every third); its egress
 * rule allows TCP 443 to 10.0.0.0/8.
 * <ul>
 *   <li>(a) 100 endpoints, all local, 50 policies: one policy's rule changes (its port), rendered as the update
 *       from the policy in force and committed with one {@code nft -f -}, each run undone untimed; beside it, the
 *       same with profiles only: one netgroup profile's inbound rule changes.
 *   <li>(b) 10,000 endpoints, 100 local, 200 policies: a full replace of the table and its render alone; beside it,
 *       the same cluster with profiles only (today's netgroup table).
 * </ul>
 * 2 untimed warm-up runs (20 for updates), then {@code runs}. Needs root; the table is {@code calico_mesos_t<hex>},
 * removed at the end. Build the class path as {@link PolicyApplyTiming} says, then:
 * <pre>
 * java -cp adapters-nftables/target/test-classes:adapters-nftables/target/classes:$(cat /tmp/cp-nft.txt) \
 *     org.calicomesos.adapters.nftables.PolicyRuleTiming [runs=30]
 * </pre>
 */
public final class PolicyRuleTiming {
  private static final int SELECTORS = 25;
  private static final int UPDATE_WARM_UP = 20;

  private final String table = "calico_mesos_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final NftProcess nft = new NftProcess("nft", Duration.ofMinutes(2));
  private final RulesetRenderer renderer = new RulesetRenderer(table);
  private final RulesetUpdate update = new RulesetUpdate(table);
  private final int runs;

  private PolicyRuleTiming(int runs) {
    this.runs = runs;
  }

  public static void main(String[] args) {
    PolicyRuleTiming timing = new PolicyRuleTiming(args.length > 0 ? Integer.parseInt(args[0]) : 30);
    System.out.printf("%d timed runs each, table inet %s, %d cpus%n", timing.runs, timing.table,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%-58s %9s %21s %21s%n", "model and change", "script", "render median / p95",
        "total median / p95");
    try {
      HostPolicy small = withPolicies(PolicyApplyTiming.cluster(100, 100), 100, 50, 7);
      timing.update("(a) 100 local, 50 policies: one policy's rule", small,
          withPolicies(PolicyApplyTiming.cluster(100, 100), 100, 50, 7, 5432));
      HostPolicy profilesOnly = PolicyApplyTiming.cluster(100, 100);
      timing.update("(a') 100 local, profiles only: one profile's rule", profilesOnly,
          withChangedProfile(profilesOnly, "netgroup_0000"));
      timing.replace("(b) 10,000 endpoints, 100 local, 200 policies: replace",
          withPolicies(PolicyApplyTiming.cluster(10_000, 100), 10_000, 200, 7));
      timing.replace("(b') 10,000 endpoints, 100 local, profiles only: replace",
          PolicyApplyTiming.cluster(10_000, 100));
    } finally {
      timing.nft.apply(timing.renderer.withdraw(), "delete table inet " + timing.table);
    }
  }

  /** Times the update from {@code from} to {@code to}, each run undone untimed, with {@code from} in force first. */
  private void update(String change, HostPolicy from, HostPolicy to) {
    nft.apply(renderer.replace(from), "replace table inet " + table);
    String undo = update.render(to, from);
    report(change, TimedApplies.measure(UPDATE_WARM_UP, runs, () -> update.render(from, to),
        script -> nft.apply(script, "update table inet " + table),
        () -> nft.apply(undo, "undo an update of table inet " + table)));
  }

  private void replace(String model, HostPolicy policy) {
    report(model, TimedApplies.measure(2, runs, () -> renderer.replace(policy),
        script -> nft.apply(script, "replace table inet " + table), () -> { }));
  }

  private static void report(String what, TimedApplies timed) {
    System.out.printf("%-58s %8.1fk %10.2f / %6.2f ms %10.1f / %6.1f ms%n", what, timed.scriptLength() / 1e3,
        timed.render(50), timed.render(95), timed.whole(50), timed.whole(95));
  }

  /**
   * The cluster of {@code allEndpoints} with {@code count} policies; policy 7, if {@code changed} is given, with that
   * port in its first rule.
   */
  static HostPolicy withPolicies(HostPolicy cluster, int allEndpoints, int count, int spread, int... changed) {
    List<SelectorSet> selectorSets = new ArrayList<>();
    for (int k = 0; k < SELECTORS; k++) {
      List<IPAddress> members = new ArrayList<>();
      for (int j = k; j < allEndpoints; j += SELECTORS) {
        members.add(new IPv4Address((198 << 24 | 18 << 16) + j));
      }
      selectorSets.add(new SelectorSet(selector(k), members));
    }
    selectorSets.sort((a, b) -> a.selector().text().compareTo(b.selector().text()));
    List<PolicyRules> policies = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      int port = changed.length > 0 && p == 7 ? changed[0] : 5000 + p;
      policies.add(policy(p, port));
    }
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (int i = 0; i < cluster.endpoints().size(); i++) {
      EndpointPolicy endpoint = cluster.endpoints().get(i);
      List<PolicyName> applied = new ArrayList<>();
      for (int p = 0; p < count; p++) {
        if ((i + p) % spread == 0) {
          applied.add(policies.get(p).name());
        }
      }
      endpoints.add(new EndpointPolicy(endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles(),
          List.of(), applied, applied));
    }
    return new HostPolicy(endpoints, cluster.tagSets(), selectorSets, policies, cluster.nat());
  }

  private static PolicyRules policy(int p, int port) {
    Supplier<RuleEntity> members = () -> RuleEntity.selector(selector(p % SELECTORS));
    List<Rule> ingress = new ArrayList<>(List.of(
        rule(RuleAction.ALLOW, RuleProtocol.TCP, members.get(), RuleEntity.ports(PortRange.of(port))),
        rule(RuleAction.ALLOW, RuleProtocol.UDP, RuleEntity.net(Policies.ip("10." + (p % 250) + ".0.0/16")),
            RuleEntity.ports(new PortRange(8000, 8100)))));
    if (p % 2 == 0) {
      ingress.add(rule(RuleAction.DENY, RuleProtocol.TCP, RuleEntity.ANY.withNotNets(Policies.ip("10.0.0.0/8")),
          RuleEntity.ports(PortRange.of(22))));
    }
    if (p % 3 == 0) {
      ingress.add(new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMP), Optional.of(IcmpMatch.type(8)),
          RuleEntity.ANY, RuleEntity.ANY));
    }
    List<Rule> egress = List.of(rule(RuleAction.ALLOW, RuleProtocol.TCP, RuleEntity.ANY,
        RuleEntity.net(Policies.ip("10.0.0.0/8")).withPorts(PortRange.of(443))));
    return new PolicyRules(new PolicyName(String.format("policy-%03d", p)), ingress, egress);
  }

  private static Rule rule(RuleAction action, RuleProtocol protocol, RuleEntity source, RuleEntity destination) {
    return new Rule(action, Optional.of(protocol), Optional.empty(), source, destination);
  }

  private static Selector selector(int k) {
    return Selector.parse(String.format("role == 'r%02d'", k));
  }

  /** The cluster with the profile {@code name}'s inbound rule allowing a /16 instead of its tag. */
  private static HostPolicy withChangedProfile(HostPolicy cluster, String name) {
    List<EndpointPolicy> endpoints = cluster.endpoints().stream().map(endpoint -> new EndpointPolicy(
        endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles().stream()
            .map(profile -> profile.name().value().equals(name)
                ? new ProfilePolicy(profile.name(), List.of(Rule.allowFromNet(Policies.ip("10.1.0.0/16"))),
                    profile.outbound())
                : profile).toList())).toList();
    return new HostPolicy(endpoints, cluster.tagSets(), cluster.nat());
  }
}
