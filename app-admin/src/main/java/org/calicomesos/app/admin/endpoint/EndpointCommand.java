package org.calicomesos.app.admin.endpoint;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code endpoint}: the group of endpoint commands; on its own it only asks for one of them. */
@Command(
    name = "endpoint",
    synopsisSubcommandLabel = "(list | show | label)",
    description = "Inspect the workload endpoints (one per isolated container) recorded in the datastore, and label them.")
public final class EndpointCommand {
  @Mixin private HelpOption help;

  private EndpointCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine endpoint = new CommandLine(new EndpointCommand());
    endpoint.addSubcommand(new EndpointListCommand(invocation));
    endpoint.addSubcommand(new EndpointShowCommand(invocation));
    endpoint.addSubcommand(new EndpointLabelCommand(invocation));
    return endpoint;
  }
}
