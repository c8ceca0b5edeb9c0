package org.calicomesos.app.admin.routing;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.routing.ClusterRouting;
import org.calicomesos.ports.routing.RoutingChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code route-mode [direct|vxlan|bgp]}: shows how hosts route to each other's blocks, or sets it (compare-and-swap). */
@Command(name = "route-mode", description = {
    "Show how hosts route to each other's blocks, cluster-wide, or set it: direct (the default: each agent adds"
        + " 'block via host' itself; the hosts share a link), vxlan (the same, wrapped in VXLAN, so the hosts need only"
        + " reach each other by IP; every IPv4 pool becomes VXLAN) or bgp (each host's BIRD announces its blocks and"
        + " learns the others'; run BIRD on every host first, see docs/operations.md).",
    "Every agent follows a change within seconds. One pool alone can be made VXLAN with 'pool add --vxlan' or"
        + " 'pool encapsulation CIDR vxlan'."})
public final class RouteModeCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODE",
      description = "direct, vxlan or bgp; left out: show the mode.")
  private String mode;

  public RouteModeCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    if (mode == null) {
      output.print(new RouteModeReport(invocation.useCases().routing().routing(), Optional.empty()), invocation.out());
      return 0;
    }
    RoutingChoice wanted = RoutingChoice.ofSetting(mode).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "route mode '" + Excerpt.of(mode) + "' is not one of direct, vxlan, bgp"));
    ClusterRouting before = invocation.useCases().routing().setRouting(wanted);
    ClusterRouting after = invocation.useCases().routing().routing();
    output.print(new RouteModeReport(after, Optional.of(before)), invocation.out());
    return 0;
  }
}
