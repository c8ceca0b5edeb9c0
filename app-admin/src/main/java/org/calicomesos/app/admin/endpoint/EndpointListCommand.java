package org.calicomesos.app.admin.endpoint;

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

/** {@code endpoint list [--host NODE]}. */
@Command(name = "list", description = {"List the workload endpoints of every host (or one).",
    "Each with its node, container, interface, nets, profiles (default_<node>, public, the netgroups) and state."
        + " A record that cannot be read is listed as such."})
final class EndpointListCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Option(names = "--host", paramLabel = "NODE", description = "List only the endpoints of this node name.")
  private String host;

  EndpointListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Optional<NodeName> node = ArgumentCheck.parseOptional(spec, host, NodeName::new);
    output.print(new EndpointListReport(invocation.useCases().endpoints().list(node), node), invocation.out());
    return 0;
  }
}
