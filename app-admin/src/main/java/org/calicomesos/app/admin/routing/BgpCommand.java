package org.calicomesos.app.admin.routing;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bgp}: the group of commands over the cluster's BGP settings; on its own it only asks for one of them. */
@Command(
    name = "bgp",
    synopsisSubcommandLabel = "(show | as | mesh | peer)",
    description = "Show or change the cluster's BGP settings (route mode bgp): the AS every host speaks as, whether"
        + " every host peers with every other (the node mesh), and explicit peers such as top-of-rack routers.")
public final class BgpCommand {
  @Mixin private HelpOption help;

  private BgpCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine bgp = new CommandLine(new BgpCommand());
    bgp.addSubcommand(new BgpShowCommand(invocation));
    bgp.addSubcommand(new BgpAsCommand(invocation));
    bgp.addSubcommand(new BgpMeshCommand(invocation));
    bgp.addSubcommand(BgpPeerCommand.commandLine(invocation));
    return bgp;
  }
}
