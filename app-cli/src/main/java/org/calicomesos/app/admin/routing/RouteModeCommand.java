package org.calicomesos.app.admin.routing;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.routing.RouteMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code route-mode [direct|bgp]}: shows the cluster's route mode, or sets it (compare-and-swap). */
@Command(name = "route-mode", description = {
    "Show how hosts route to each other's blocks, cluster-wide, or set it: direct (the default: each agent adds",
    "'block via host' itself; the hosts share a link) or bgp (each host's BIRD announces its blocks and learns the",
    "others'; run BIRD on every host first, see docs/operations.md). Every agent follows a change within seconds."})
public final class RouteModeCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODE", description = "direct or bgp; left out: show the mode.")
  private String mode;

  public RouteModeCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    if (mode == null) {
      RouteMode current = invocation.services().routing().routeMode();
      output.print(new RouteModeReport(current, Optional.empty()), invocation.out());
      return 0;
    }
    RouteMode wanted = RouteMode.ofSetting(mode).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "route mode '" + org.calicomesos.ports.model.Excerpt.of(mode) + "' is not one of direct, bgp"));
    RouteMode before = invocation.services().routing().setRouteMode(wanted);
    output.print(new RouteModeReport(wanted, Optional.of(before)), invocation.out());
    return 0;
  }
}
