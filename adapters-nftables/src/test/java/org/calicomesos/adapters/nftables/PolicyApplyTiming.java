package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.TagSet;

/**
 * Times one full policy apply — render a {@link HostPolicy} and commit it with {@code nft -f -} — the way the agent
 * would re-apply after a change (numbers in docs/benchmarks.md, "Dataplane and policy"). A hand-run
 * harness, not a test: it asserts nothing and no timing is checked anywhere.
 *
 * <p>Models are shaped as core compiles a cluster's policy: every endpoint has one IPv4 address and belongs to one
 * or two of {@code endpoints / 50} netgroups; a local endpoint has the profiles {@code default_<host>} (in from and
 * out to the host's /32), its netgroups (in from the tag, everything out) and, for every tenth, {@code public}; a
 * tag set holds the addresses of every endpoint in the cluster that carries the tag. "all local": every endpoint is
 * on this host (one chain pair each); "100 local": 100 are, the rest appear only in tag sets.
 *
 * <p>Each model: 2 untimed warm-up applies, then {@code runs} timed ones, each replacing the table the previous one
 * left; render time is also reported alone. The table is {@code calico_mesos_t<hex>}, withdrawn at the end. Needs
 * root. Run from the checkout:
 * <pre>
 * mvn -o -q -pl adapters-nftables -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp-nft.txt
 * java -cp adapters-nftables/target/test-classes:adapters-nftables/target/classes:$(cat /tmp/cp-nft.txt) \
 *     org.calicomesos.adapters.nftables.PolicyApplyTiming [runs=15]
 * </pre>
 */
public final class PolicyApplyTiming {
  private static final IPAddress HOST = new IPv4Address(new byte[] {(byte) 192, 0, 2, 2}, 32).toPrefixBlock();

  private PolicyApplyTiming() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    String table = "calico_mesos_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    NftablesPolicyDataplane dataplane = new NftablesPolicyDataplane(table, new NftProcess("nft", Duration.ofMinutes(2)));
    RulesetRenderer renderer = new RulesetRenderer(table);
    System.out.printf("%d timed applies per model after 2 warm-up, table inet %s, %d cpus%n", runs, table,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%-10s %9s %6s %9s %21s %21s%n", "model", "endpoints", "local", "script",
        "render median / p95", "apply median / p95");
    try {
      for (int endpoints : new int[] {1_000, 10_000}) {
        for (int local : new int[] {endpoints, 100}) {
          HostPolicy policy = cluster(endpoints, local);
          TimedApplies timed = TimedApplies.measure(2, runs, () -> renderer.replace(policy), dataplane::replaceWith,
              () -> { });
          System.out.printf("%-10s %9d %6d %8.1fM %10.1f / %6.1f ms %10.1f / %6.1f ms%n",
              local == endpoints ? "all local" : "100 local", endpoints, local, timed.scriptLength() / 1e6,
              timed.render(50), timed.render(95), timed.whole(50), timed.whole(95));
        }
      }
    } finally {
      long start = System.nanoTime();
      dataplane.withdraw();
      System.out.printf("withdraw of the last table: %.1f ms%n", (System.nanoTime() - start) / 1e6);
    }
  }

  static HostPolicy cluster(int endpoints, int local) {
    int netgroups = Math.max(1, endpoints / 50);
    List<List<IPAddress>> members = new ArrayList<>();
    for (int g = 0; g < netgroups; g++) {
      members.add(new ArrayList<>());
    }
    List<IPAddress> publicMembers = new ArrayList<>();
    List<EndpointPolicy> localPolicies = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      IPAddress address = new IPv4Address((198 << 24 | 18 << 16) + i);
      List<Integer> groups = i % 3 == 0 ? List.of(i % netgroups, (i * 7 + 1) % netgroups) : List.of(i % netgroups);
      groups.stream().distinct().forEach(g -> members.get(g).add(address));
      if (i % 10 == 0) {
        publicMembers.add(address);
      }
      if (i < local) {
        localPolicies.add(new EndpointPolicy(new InterfaceName(String.format("cali%011x", i)), List.of(address),
            profiles(groups, i % 10 == 0)));
      }
    }
    List<TagSet> tagSets = new ArrayList<>();
    for (int g = 0; g < netgroups; g++) {
      tagSets.add(new TagSet(netgroup(g), members.get(g)));
    }
    tagSets.add(new TagSet("public", publicMembers));
    tagSets.sort((a, b) -> a.tag().compareTo(b.tag()));
    return new HostPolicy(localPolicies, tagSets);
  }

  private static List<ProfilePolicy> profiles(List<Integer> groups, boolean isPublic) {
    List<ProfilePolicy> profiles = new ArrayList<>();
    profiles.add(new ProfilePolicy(new ProfileName("default_host"), List.of(Rule.allowFromNet(HOST)),
        List.of(Rule.allowToNet(HOST))));
    if (isPublic) {
      profiles.add(new ProfilePolicy(new ProfileName("public"), List.of(Rule.ALLOW_ALL),
          List.of(Rule.ALLOW_ALL)));
    }
    groups.stream().distinct().forEach(g -> profiles.add(new ProfilePolicy(new ProfileName(netgroup(g)),
        List.of(Rule.allowFromTag(netgroup(g))), List.of(Rule.ALLOW_ALL))));
    return profiles;
  }

  private static String netgroup(int index) {
    return String.format("netgroup_%04d", index);
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
