package org.calicomesos.ports.ipam;

import java.util.List;

/** What {@code ipam check} read and the problems it found; clean when there are none. */
public record IpamCheckReport(int pools, int blocks, int handles, long allocated, List<IpamProblem> problems) {
  public IpamCheckReport {
    problems = List.copyOf(problems);
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
