package org.calicomesos.app.admin.pool;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pool list}. */
@Command(name = "list", description = "List the IP pools with their capacity and how much of it is assigned.")
final class PoolListCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  PoolListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    output.print(new PoolListReport(invocation.useCases().pools().list()), invocation.out());
    return 0;
  }
}
