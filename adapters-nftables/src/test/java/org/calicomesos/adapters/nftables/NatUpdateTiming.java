package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;

/**
 * Times the incremental transactions NAT brings, as the agent sends them after a first whole table (what
 * {@link NftablesPolicyDataplane#enforce} does: {@link RulesetUpdate#render} the difference, commit it with
 * {@code nft -f -}), on a host with 100 local endpoints of a 1,000-endpoint cluster ({@link PolicyApplyTiming#cluster})
 * and four pools, IPv4 and IPv6:
 * <ul>
 *   <li>NAT outgoing of one pool turned on (element adds) and off (element deletes), in turn;
 *   <li>one endpoint coming with two port mappings (tcp and udp), beside the same endpoint without any; each time
 *       taken away again, untimed.
 * </ul>
 * A hand-run harness like {@link PolicyApplyTiming}: 20 untimed warm-up rounds (the agent runs JIT-compiled), then
 * {@code runs} timed ones, render and the whole update (render and commit) reported apart; the table is
 * {@code calico_mesos_t<hex>}, withdrawn at the end. Needs root, and owns the host's {@code cali*} traffic while it
 * runs. Run from the checkout:
 * <pre>
 * mvn -o -q -pl adapters-nftables -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp-nft.txt
 * java -cp adapters-nftables/target/test-classes:adapters-nftables/target/classes:$(cat /tmp/cp-nft.txt) \
 *     org.calicomesos.adapters.nftables.NatUpdateTiming [runs=30]
 * </pre>
 */
public final class NatUpdateTiming {
  private static final IPAddress FLIPPED = Policies.ip("198.18.0.0/16");
  private static final IPAddress V6_POOL = Policies.ip("fd00:c0de::/48");
  private static final List<IPAddress> POOLS = List.of(Policies.ip("10.64.0.0/16"), FLIPPED,
      Policies.ip("198.19.0.0/16"), V6_POOL);
  private static final int WARM_UP = 20;

  private final String table;
  private final int runs;
  private final NftProcess nft = new NftProcess("nft", Duration.ofMinutes(2));
  private final RulesetUpdate update;
  /** The policy the table holds between timings. */
  private HostPolicy inTable;

  private NatUpdateTiming(String table, int runs) {
    this.table = table;
    this.runs = runs;
    this.update = new RulesetUpdate(table);
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    String table = "calico_mesos_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    NatUpdateTiming timing = new NatUpdateTiming(table, runs);
    HostPolicy cluster = PolicyApplyTiming.cluster(1_000, 100);
    HostPolicy natOff = withNat(cluster, cluster.endpoints(), List.of(V6_POOL));
    HostPolicy natOn = withNat(cluster, cluster.endpoints(), List.of(FLIPPED, V6_POOL));
    System.out.printf("%d timed updates per change after %d warm-up, table inet %s, 100 local endpoints of 1,000, "
        + "%d cpus%n", runs, WARM_UP, table, Runtime.getRuntime().availableProcessors());
    System.out.printf("%-40s %21s %21s%n", "change", "render median / p95", "update median / p95");
    try {
      timing.nft.apply(new RulesetRenderer(table).replace(natOff), "replace table inet " + table);
      timing.inTable = natOff;
      timing.time("NAT outgoing of one pool on", natOff, natOn);
      timing.time("NAT outgoing of one pool off", natOn, natOff);
      EndpointPolicy template = cluster.endpoints().get(1);
      EndpointPolicy plain = new EndpointPolicy(new InterfaceName("calinew0000000"),
          List.of(Policies.ip("198.18.255.250")), template.profiles());
      EndpointPolicy mapped = new EndpointPolicy(plain.hostInterface(), plain.addresses(), plain.profiles(),
          List.of(new PortMapping(8080, 80, TransportProtocol.TCP), new PortMapping(5353, 53, TransportProtocol.UDP)));
      for (EndpointPolicy newcomer : List.of(plain, mapped)) {
        List<EndpointPolicy> endpoints = new ArrayList<>(cluster.endpoints());
        endpoints.add(newcomer);
        timing.time(newcomer.portMappings().isEmpty() ? "one endpoint comes, no port mapping"
            : "one endpoint comes with 2 port mappings", natOff, withNat(cluster, endpoints, List.of(V6_POOL)));
      }
    } finally {
      timing.nft.apply(new RulesetRenderer(table).withdraw(), "delete table inet " + table);
    }
  }

  /** Times the update from {@code from} to {@code to}, each run undone untimed; {@code from} is in force after. */
  private void time(String change, HostPolicy from, HostPolicy to) {
    if (!inTable.equals(from)) {
      nft.apply(update.render(inTable, from), "update table inet " + table);
      inTable = from;
    }
    String undo = update.render(to, from);
    TimedApplies timed = TimedApplies.measure(WARM_UP, runs, () -> update.render(from, to),
        script -> nft.apply(script, "update table inet " + table),
        () -> nft.apply(undo, "undo an update of table inet " + table));
    System.out.printf("%-40s %10.1f / %6.1f ms %10.1f / %6.1f ms%n", change, timed.render(50), timed.render(95),
        timed.whole(50), timed.whole(95));
  }

  private static HostPolicy withNat(HostPolicy cluster, List<EndpointPolicy> endpoints, List<IPAddress> natOutgoing) {
    return new HostPolicy(endpoints, cluster.tagSets(), new HostNat(POOLS, natOutgoing));
  }
}
