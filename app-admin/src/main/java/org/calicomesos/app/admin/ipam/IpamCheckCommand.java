package org.calicomesos.app.admin.ipam;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.ipam.IpamCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ipam check}: reports inconsistencies and exits 1 when there are any, so scripts and monitoring can act. */
@Command(name = "check",
    description = {"Check the IPAM, the endpoints and this host's interfaces for inconsistencies; changes nothing.",
        "It looks for duplicate addresses, handles whose counts disagree with their blocks, assignments outside"
            + " every pool, affinity mismatches, endpoints whose addresses their uid no longer holds, and cali*"
            + " interfaces on this host that no endpoint names.",
        "Exits 1 when it finds a problem. Allocations in flight may show up as passing problems."})
final class IpamCheckCommand implements Callable<Integer> {
  static final int PROBLEMS_FOUND = 1;

  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  IpamCheckCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    IpamCheckReport report = invocation.useCases().ipamCheck().check();
    output.print(new ConsistencyReport(report, invocation.useCases().datastoreDescription()), invocation.out());
    return report.clean() ? 0 : PROBLEMS_FOUND;
  }
}
