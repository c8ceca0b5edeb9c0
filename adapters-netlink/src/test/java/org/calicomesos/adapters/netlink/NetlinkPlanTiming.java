package org.calicomesos.adapters.netlink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * Times the rtnetlink dataplane by hand (not a test: no timed assertions). First the first plumb in this JVM
 * (class loading and jnr's binding of libc included), then {@code runs} (default 50) plumb+unplumb pairs of one
 * IPv4 plan, each into a fresh {@code unshare --net} namespace, and prints median and p90 in milliseconds.
 * Needs root. Run with the test class path, e.g. {@code java -cp ... org.calicomesos.adapters.netlink.NetlinkPlanTiming 50}.
 */
public final class NetlinkPlanTiming {
  private NetlinkPlanTiming() {}

  public static void main(String[] args) {
    long mainStarted = System.nanoTime();
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    NetlinkDataplane dataplane = new NetlinkDataplane();
    TestPlans plans = new TestPlans();
    try {
      long untilFirst;
      long binding;
      try (ScratchNamespace first = ScratchNamespace.start()) {
        long bindStart = System.nanoTime();
        NativeLibc.libc();
        binding = System.nanoTime() - bindStart;
        VethPlan plan = plans.ipv4Plan(0, new NetworkNamespace.OfProcess(first.pid()));
        long start = System.nanoTime();
        dataplane.plumb(plan);
        untilFirst = System.nanoTime() - start;
        dataplane.unplumb(plan.hostInterface());
      }
      System.out.printf("binding libc through jnr: %.1f ms; then the first plumb in this JVM: %.1f ms%n",
          binding / 1e6, untilFirst / 1e6);
      if (runs == 0) {
        return;
      }
      List<Double> millis = new ArrayList<>();
      List<Double> plumbMillis = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        try (ScratchNamespace container = ScratchNamespace.start()) {
          VethPlan plan = plans.ipv4Plan(1 + (i % 200), new NetworkNamespace.OfProcess(container.pid()));
          long start = System.nanoTime();
          dataplane.plumb(plan);
          plumbMillis.add((System.nanoTime() - start) / 1e6);
          dataplane.unplumb(plan.hostInterface());
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
      Collections.sort(millis);
      Collections.sort(plumbMillis);
      System.out.printf("plumb+unplumb, %d runs, IPv4 plan, fresh namespace each: median %.2f ms, p90 %.2f ms, "
              + "min %.2f ms, max %.2f ms%n", runs, percentile(millis, 50), percentile(millis, 90),
          millis.get(0), millis.get(millis.size() - 1));
      System.out.printf("of which plumb alone: median %.2f ms, p90 %.2f ms%n", percentile(plumbMillis, 50),
          percentile(plumbMillis, 90));
      System.out.printf("whole run %.0f ms%n", (System.nanoTime() - mainStarted) / 1e6);
    } finally {
      plans.cleanUp();
    }
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
