package org.calicomesos.app.admin.policy;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code policy}: the group of network policy commands; on its own it only asks for one of them. */
@Command(
    name = "policy",
    synopsisSubcommandLabel = "(apply | delete | list | show)",
    description = "Manage network policies: Calico GlobalNetworkPolicy documents, enforced on every host whose"
        + " endpoints they select.")
public final class PolicyCommand {
  @Mixin private HelpOption help;

  private PolicyCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine policy = new CommandLine(new PolicyCommand());
    policy.addSubcommand(new PolicyApplyCommand(invocation));
    policy.addSubcommand(new PolicyDeleteCommand(invocation));
    policy.addSubcommand(new PolicyListCommand(invocation));
    policy.addSubcommand(new PolicyShowCommand(invocation));
    return policy;
  }
}
