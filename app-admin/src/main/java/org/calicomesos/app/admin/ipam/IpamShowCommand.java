package org.calicomesos.app.admin.ipam;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.NodeName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipam show [--host H]}. */
@Command(name = "show", description = "Show each pool's capacity and use, and each block with the host it is affine to.")
final class IpamShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Option(names = "--host", paramLabel = "HOST", description = "Show only the blocks affine to this node name.")
  private String host;

  IpamShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Optional<NodeName> node = ArgumentCheck.parseOptional(spec, host, NodeName::new);
    output.print(new OverviewReport(invocation.useCases().ipamOverview().show(node), node), invocation.out());
    return 0;
  }
}
