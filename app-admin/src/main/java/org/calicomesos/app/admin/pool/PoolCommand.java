package org.calicomesos.app.admin.pool;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pool}: the group of pool commands; on its own it only asks for one of them. */
@Command(
    name = "pool",
    synopsisSubcommandLabel = "(add | list | remove | encapsulation | nat-outgoing)",
    description = "Manage IP pools: the ranges container addresses come from, cut into blocks that hosts claim.")
public final class PoolCommand {
  @Mixin private HelpOption help;

  private PoolCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine pool = new CommandLine(new PoolCommand());
    pool.addSubcommand(new PoolAddCommand(invocation));
    pool.addSubcommand(new PoolListCommand(invocation));
    pool.addSubcommand(new PoolRemoveCommand(invocation));
    pool.addSubcommand(new PoolEncapsulationCommand(invocation));
    pool.addSubcommand(new PoolNatOutgoingCommand(invocation));
    return pool;
  }
}
