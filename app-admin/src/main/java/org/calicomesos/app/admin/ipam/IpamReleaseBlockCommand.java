package org.calicomesos.app.admin.ipam;

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

/** {@code ipam release-block CIDR}: gives an empty block back to its pool; refused while it holds addresses. */
@Command(name = "release-block",
    description = {"Release an empty block: delete it and every host's claim on it, so that no host owns it any more"
        + " and the other hosts' agents withdraw their routes to it.",
        "Refused while the block holds an address ('ipam release' those first); releasing a block that is already gone"
            + " is not an error."})
final class IpamReleaseBlockCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CIDR", description = "The block, exactly as 'ipam show' lists it.")
  private String cidr;

  IpamReleaseBlockCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    IPAddress block = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("CIDR", cidr));
    output.print(new BlockReleaseReport(invocation.useCases().releaseBlock().releaseBlock(block)), invocation.out());
    return 0;
  }
}
