package org.calicomesos.app.bench;

import inet.ipaddr.IPAddress;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.adapters.iproute2.Iproute2Dataplane;
import org.calicomesos.adapters.netlink.NetlinkDataplane;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.testkit.dataplane.ContractPlans;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.dataplane.TestNetwork;

/**
 * Times the plan alone — {@code plumb} and {@code unplumb} of one container's {@link VethPlan} — in one JVM, for the
 * rtnetlink and the {@code ip}-command dataplanes side by side (numbers: docs/benchmarks.md, "Dataplane and policy").
 * A hand-run harness, not a test: it asserts nothing and no timing is checked anywhere.
 *
 * <p>First, once per JVM: jnr's binding of libc (the netlink adapter's lazy {@code NativeLibc}), then the first plumb
 * of each dataplane (class loading included). Then {@code warmup} untimed and {@code runs} timed rounds; each round
 * gives every dataplane, in alternating order, a fresh {@code unshare --net} container (not timed) and times its
 * plumb and its unplumb separately. Prints median, p90, min and max in milliseconds. Plans are shaped as
 * {@link ContractPlans} makes them: IPv4 (one /32, like bench/lifecycle.sh) or dual-stack (a /32 and a /128), in
 * 198.18.0.0/15 and fd00:c0de::/32, on host interfaces {@code ctst…} that {@link TestNetwork} removes at the end.
 *
 * <p>Needs root. Run after {@code mvn -B -ntp -o -q -DskipTests package} (test classes compiled) from the checkout:
 * <pre>
 * mvn -B -ntp -o -q -pl app-cli dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp app-cli/target/test-classes:app-cli/target/classes:$(cat /tmp/cp.txt) \
 *     org.calicomesos.app.bench.PlanTiming [runs=50] [warmup=5] [ipv4|dual]
 * </pre>
 */
public final class PlanTiming {
  private PlanTiming() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean dual = args.length > 2 && args[2].equals("dual");

    long bindStart = System.nanoTime();
    bindLibcThroughJnr();
    double binding = (System.nanoTime() - bindStart) / 1e6;

    Map<String, Dataplane> dataplanes = new LinkedHashMap<>();
    dataplanes.put("netlink", new NetlinkDataplane());
    dataplanes.put("iproute2", Iproute2Dataplane.onPath());
    Map<String, List<Double>> plumb = new LinkedHashMap<>();
    Map<String, List<Double>> unplumb = new LinkedHashMap<>();
    dataplanes.keySet().forEach(name -> {
      plumb.put(name, new ArrayList<>());
      unplumb.put(name, new ArrayList<>());
    });

    try (TestNetwork network = new TestNetwork()) {
      System.out.printf("binding libc through jnr (netlink's first kernel call pays it): %.1f ms%n", binding);
      for (Map.Entry<String, Dataplane> entry : dataplanes.entrySet()) {
        double[] first = round(network, entry.getValue(), dual);
        System.out.printf("first plumb / unplumb in this JVM, %s: %.1f / %.1f ms%n", entry.getKey(), first[0], first[1]);
      }
      List<String> names = new ArrayList<>(dataplanes.keySet());
      for (int i = 0; i < warmup + runs; i++) {
        List<String> order = new ArrayList<>(names);
        if (i % 2 == 1) {
          Collections.reverse(order);
        }
        for (String name : order) {
          double[] times = round(network, dataplanes.get(name), dual);
          if (i >= warmup) {
            plumb.get(name).add(times[0]);
            unplumb.get(name).add(times[1]);
          }
        }
      }
    }

    System.out.printf("%d timed rounds after %d warm-up, %s plan, fresh namespace each, %d cpus%n", runs, warmup,
        dual ? "dual-stack" : "IPv4", Runtime.getRuntime().availableProcessors());
    System.out.printf("%-9s %-8s %8s %8s %8s %8s%n", "dataplane", "step", "median", "p90", "min", "max");
    for (String name : dataplanes.keySet()) {
      print(name, "plumb", plumb.get(name));
      print(name, "unplumb", unplumb.get(name));
    }
  }

  /** One container: a fresh namespace (untimed), then plumb and unplumb timed; returns both in ms. */
  private static double[] round(TestNetwork network, Dataplane dataplane, boolean dual) {
    try (NetnsContainer container = NetnsContainer.start()) {
      List<IPAddress> addresses = dual ? List.of(network.ipv4(), network.ipv6()) : List.of(network.ipv4());
      VethPlan plan = ContractPlans.plan(network.interfaceName(), container.namespace(), addresses);
      long start = System.nanoTime();
      dataplane.plumb(plan);
      long plumbed = System.nanoTime();
      dataplane.unplumb(plan.hostInterface());
      long end = System.nanoTime();
      return new double[] {(plumbed - start) / 1e6, (end - plumbed) / 1e6};
    }
  }

  /** NativeLibc is package-private and lazy by design; a hand-run harness may reach in to time it alone. */
  private static void bindLibcThroughJnr() throws ReflectiveOperationException {
    Method libc = Class.forName("org.calicomesos.adapters.netlink.NativeLibc").getDeclaredMethod("libc");
    libc.setAccessible(true);
    libc.invoke(null);
  }

  private static void print(String dataplane, String step, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf("%-9s %-8s %8.2f %8.2f %8.2f %8.2f%n", dataplane, step, percentile(sorted, 50),
        percentile(sorted, 90), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /** The nearest-rank percentile {@code p} of values sorted ascending. */
  static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
