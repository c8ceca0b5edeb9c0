package org.calicomesos.ports.ipam;

import java.util.List;

/** What {@code ipam check} read and the problems it found; clean when there are none. */
public record IpamCheckReport(int pools, int blocks, int handles, long allocated, List<IpamProblem> problems) {
  public IpamCheckReport {
    problems = List.copyOf(problems);
  }

  /** This report with {@code more} problems found by further checks. */
  public IpamCheckReport plus(List<IpamProblem> more) {
    List<IpamProblem> all = new java.util.ArrayList<>(problems);
    all.addAll(more);
    return new IpamCheckReport(pools, blocks, handles, allocated, all);
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
