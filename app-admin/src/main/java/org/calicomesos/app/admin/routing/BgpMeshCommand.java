package org.calicomesos.app.admin.routing;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bgp mesh on|off}. */
@Command(name = "mesh", description = {"Turn the node mesh on (every host peers with every other registered host;",
    "the default) or off (hosts peer only with the explicit peers, e.g. route reflectors or the fabric)."})
final class BgpMeshCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "on|off", description = "on or off.")
  private String state;

  BgpMeshCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    boolean on = switch (state) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new ParameterException(spec.commandLine(),
          "mesh '" + org.calicomesos.ports.model.Excerpt.of(state) + "' is not one of on, off");
    };
    output.print(new BgpSettingsReport(invocation.useCases().routing().changeBgpSettings(s -> s.withNodeMesh(on))),
        invocation.out());
    return 0;
  }
}
