package org.calicomesos.app.admin.policy;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code policy list}. */
@Command(name = "list", description = {"List the policies by name: order, selector, types and how many rules each way.",
    "A record that cannot be read is shown as such."})
final class PolicyListCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  PolicyListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    output.print(new PolicyListReport(invocation.useCases().policies().list()), invocation.out());
    return 0;
  }
}
