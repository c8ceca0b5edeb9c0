package org.calicomesos.app.admin.routing;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.routing.bgp.AsNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bgp as N}. */
@Command(name = "as", description = {"Set the AS number every host speaks as (and peers with the others in);",
    "64511 by default. Sessions restart as each agent reloads its BIRD."})
final class BgpAsCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "N", description = "An AS number from 1 to 4294967295.")
  private String number;

  BgpAsCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    AsNumber as = BgpArguments.asNumber(spec, "AS number", number);
    output.print(new BgpSettingsReport(invocation.useCases().routing().changeBgpSettings(s -> s.withAsNumber(as))),
        invocation.out());
    return 0;
  }
}
