package org.calicomesos.app.admin.gc;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.app.config.DurationText;
import org.calicomesos.ports.gc.CollectCommand;
import org.calicomesos.ports.gc.CollectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gc}: one collection on this host, as the agent runs every CALICO_GC_INTERVAL. */
@Command(name = "gc",
    description = {"Find this host's leaks and free those seen dead for at least the grace: endpoints whose"
        + " interface is gone (their container's network namespace went without a cleanup: a killed container, a"
        + " reboot), cali* interfaces no endpoint names, net-modules uids whose addresses no endpoint uses"
        + " (allocated, never isolated), and handle records counting more than their blocks hold.",
        "A candidate's grace counts from the first collection that saw it (the agent's or this command's), so the"
            + " first run frees only what an earlier one already saw. --grace 0s frees whatever is dead now: use it"
            + " only when no request is in flight on this host. Never frees another host's records or addresses;"
            + " frees each through the request that would have (cleanup, CNI DEL, release by uid), a"
            + " compare-and-swap on the same handle."})
public final class GcCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Option(names = "--dry-run", description = "Report what would be freed, free nothing and mark nothing.")
  private boolean dryRun;

  @Option(names = "--grace", paramLabel = "DURATION",
      description = "How long a candidate must have been seen dead (30s, 10m, 1h; default CALICO_GC_GRACE, 1h).")
  private String grace;

  public GcCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Duration chosen = grace == null ? invocation.useCases().gcGrace() : DurationText.parse(grace)
        .orElseThrow(() -> new ParameterException(spec.commandLine(), "--grace '" + grace
            + "' must be a whole number and a unit: ms, s, m, h or d (e.g. 0s, 30s, 10m, 1h)"));
    CollectionReport report = invocation.useCases().leakCollector().collect(new CollectCommand(chosen, dryRun));
    output.print(new CollectionText(report), invocation.out());
    return 0;
  }
}
