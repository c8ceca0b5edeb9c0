package org.calicomesos.app.admin.ipam;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ipam}: the group of IPAM commands; on its own it only asks for one of them. */
@Command(
    name = "ipam",
    synopsisSubcommandLabel = "(show | release | release-block | check)",
    description = "Inspect and repair the address assignments: usage per pool and block, releases, consistency.")
public final class IpamCommand {
  @Mixin private HelpOption help;

  private IpamCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine ipam = new CommandLine(new IpamCommand());
    ipam.addSubcommand(new IpamShowCommand(invocation));
    ipam.addSubcommand(new IpamReleaseCommand(invocation));
    ipam.addSubcommand(new IpamReleaseBlockCommand(invocation));
    ipam.addSubcommand(new IpamCheckCommand(invocation));
    return ipam;
  }
}
