package org.calicomesos.app.admin.node;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code node}: the group of commands about this host; on its own it only asks for one of them. */
@Command(
    name = "node",
    synopsisSubcommandLabel = "(show)",
    description = "Inspect this host (CALICO_NODENAME, else the hostname) as the datastore records it. Read-only.")
public final class NodeCommand {
  @Mixin private HelpOption help;

  private NodeCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine node = new CommandLine(new NodeCommand());
    node.addSubcommand(new NodeShowCommand(invocation));
    return node;
  }
}
