package org.calicomesos.app.admin.routing;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bgp show}. */
@Command(name = "show", description = "Show the cluster's BGP settings (the defaults while none were set).")
final class BgpShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  BgpShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    output.print(new BgpSettingsReport(invocation.useCases().routing().bgpSettings()), invocation.out());
    return 0;
  }
}
