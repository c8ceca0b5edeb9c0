package org.calicomesos.core.gc;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.core.endpoint.EndpointConsistencyCheck;
import org.calicomesos.ports.gc.CollectCommand;
import org.calicomesos.ports.gc.CollectLeaksUseCase;
import org.calicomesos.ports.gc.Leak;
import org.calicomesos.ports.gc.LeakKind;
import org.calicomesos.ports.ipam.CheckIpamUseCase;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.IpamProblem;

/**
 * {@code ipam check} with this host's leak candidates: the endpoint and IPAM checks, then what a dry-run collection
 * finds: endpoints whose interface is gone (at once), and uids and host port claims unused past the grace (before
 * it, either may be a request still on its way). Interfaces without a record and over-counting handles are already
 * among the checks' own problems. Read-only.
 */
public final class LeakAwareCheck implements CheckIpamUseCase {
  private final EndpointConsistencyCheck consistency;
  private final CollectLeaksUseCase collector;
  private final CollectorSettings settings;

  @Inject
  public LeakAwareCheck(EndpointConsistencyCheck consistency, CollectLeaksUseCase collector,
      CollectorSettings settings) {
    this.consistency = consistency;
    this.collector = collector;
    this.settings = settings;
  }

  @Override
  public IpamCheckReport check() {
    IpamCheckReport report = consistency.check();
    List<IpamProblem> leaks = new ArrayList<>();
    for (Leak leak : collector.collect(new CollectCommand(settings.grace(), true)).leaks()) {
      if (leak.kind() == LeakKind.DEAD_ENDPOINT) {
        leaks.add(new IpamProblem(IpamProblem.Kind.DEAD_ENDPOINT, leak.subject(),
            leak.reason() + "; calico-mesos gc frees it"));
      } else if (leak.kind() == LeakKind.PENDING_ALLOCATION && leak.outcome() == Leak.Outcome.WOULD_FREE) {
        leaks.add(new IpamProblem(IpamProblem.Kind.PENDING_ALLOCATION, leak.subject(),
            leak.reason() + ", seen so since " + leak.since() + ", past the grace of " + settings.grace()
                + "; calico-mesos gc frees it"));
      } else if (leak.kind() == LeakKind.STALE_PORT_CLAIM && leak.outcome() == Leak.Outcome.WOULD_FREE) {
        leaks.add(new IpamProblem(IpamProblem.Kind.STALE_PORT_CLAIM, leak.subject(),
            leak.reason() + ", seen so since " + leak.since() + ", past the grace of " + settings.grace()
                + "; calico-mesos gc frees it"));
      }
    }
    return report.plus(leaks);
  }
}
