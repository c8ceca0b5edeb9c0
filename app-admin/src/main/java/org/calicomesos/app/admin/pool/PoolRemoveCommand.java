package org.calicomesos.app.admin.pool;

import inet.ipaddr.IPAddress;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pool remove CIDR}; the IPAM refuses while any address in the pool is assigned. */
@Command(name = "remove", description = "Remove an IP pool and its empty blocks. Refused while any of its addresses is assigned.")
final class PoolRemoveCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CIDR", description = "The pool's network, exactly as 'pool list' shows it.")
  private String cidr;

  PoolRemoveCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    IPAddress network = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("CIDR", cidr));
    invocation.useCases().pools().remove(network);
    output.print(new PoolRemovedReport(network), invocation.out());
    return 0;
  }
}
