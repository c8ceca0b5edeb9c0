package org.calicomesos.app.admin.endpoint;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code endpoint label CONTAINER_ID KEY=VALUE… KEY-… [--host NODE]}: sets and removes labels on a container's
 * endpoints, as {@code calicoctl label} does; prints the endpoints as {@code endpoint show} does.
 */
@Command(name = "label", description = {"Set (KEY=VALUE) or remove (KEY-) labels on a container's endpoints.",
    "Selectors in network policies see the change on every host's next agent loop, without a restart."
        + " Exits 1 when no endpoint names the container."})
final class EndpointLabelCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CONTAINER_ID", description = "The Mesos container id, as 'endpoint list' shows it.")
  private String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE|KEY-",
      description = "A label to set, or a key followed by '-' to remove.")
  private List<String> changes;

  @Option(names = "--host", paramLabel = "NODE", description = "Only the endpoints on this node name (default: every host).")
  private String host;

  EndpointLabelCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ContainerId id = ArgumentCheck.parse(spec, () -> new ContainerId(container));
    Optional<NodeName> node = ArgumentCheck.parseOptional(spec, host, NodeName::new);
    Map<String, String> set = new LinkedHashMap<>();
    Set<String> remove = new LinkedHashSet<>();
    for (String change : changes) {
      ArgumentCheck.parse(spec, () -> read(change, set, remove));
    }
    output.print(EndpointShowReport.of(invocation.useCases().endpointLabels().label(id, node, set, remove),
        invocation.useCases().policies()), invocation.out());
    return 0;
  }

  private static Void read(String change, Map<String, String> set, Set<String> remove) {
    int equals = change.indexOf('=');
    if (equals > 0) {
      set.put(change.substring(0, equals), change.substring(equals + 1));
    } else if (change.endsWith("-") && change.length() > 1) {
      remove.add(change.substring(0, change.length() - 1));
    } else {
      throw new InvalidRequestException("label change '" + Excerpt.of(change) + "' must be KEY=VALUE to set or KEY- to remove");
    }
    return null;
  }
}
