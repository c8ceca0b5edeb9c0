package org.calicomesos.app.admin.endpoint;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code endpoint show CONTAINER_ID [--host NODE]}; a container with no endpoint record is a failure (exit 1). */
@Command(name = "show", description = {"Show a container's endpoint in full.",
    "Its nets, MAC, profiles, labels, host port mappings, the uid (handle) its addresses were allocated under,"
        + " state, the labels policy selectors see (its profiles' tags among them) and the policies that select it,"
        + " per direction in the order they are evaluated."
        + " Exits 1 when no endpoint names the container."})
final class EndpointShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CONTAINER_ID", description = "The Mesos container id, as 'endpoint list' shows it.")
  private String container;

  @Option(names = "--host", paramLabel = "NODE", description = "Look only on this node name (default: every host).")
  private String host;

  EndpointShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ContainerId id = ArgumentCheck.parse(spec, () -> new ContainerId(container));
    Optional<NodeName> node = ArgumentCheck.parseOptional(spec, host, NodeName::new);
    output.print(EndpointShowReport.of(invocation.useCases().endpoints().ofContainer(id, node),
        invocation.useCases().policies()), invocation.out());
    return 0;
  }
}
