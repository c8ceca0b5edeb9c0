package org.calicomesos.app.admin.commandline;

import java.io.PrintWriter;
import java.util.List;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.cni.CniConfigCommand;
import org.calicomesos.app.admin.completion.CompletionCommand;
import org.calicomesos.app.admin.diags.DiagsCommand;
import org.calicomesos.app.admin.endpoint.EndpointCommand;
import org.calicomesos.app.admin.gc.GcCommand;
import org.calicomesos.app.admin.ipam.IpamCommand;
import org.calicomesos.app.admin.modules.ModulesJsonCommand;
import org.calicomesos.app.admin.node.NodeCommand;
import org.calicomesos.app.admin.policy.PolicyCommand;
import org.calicomesos.app.admin.pool.PoolCommand;
import org.calicomesos.app.admin.profile.ProfileCommand;
import org.calicomesos.app.admin.routing.BgpCommand;
import org.calicomesos.app.admin.routing.RouteModeCommand;
import org.calicomesos.app.admin.status.StatusCommand;
import org.calicomesos.app.admin.version.BuildVersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The admin command tree ({@code calico-mesos pool|ipam ...}), wired to one invocation's streams and services. */
@Command(
    name = "calico-mesos",
    synopsisSubcommandLabel = "COMMAND",
    description = "Administers calico-mesos (IP pools and the IPAM in the configured datastore, the route mode and"
        + " BGP settings), manages network policies and profile rules, shows its endpoints, profiles and this node, runs its per-host agent, writes a diagnostics bundle for bug reports, and prints"
        + " the modules.json that loads it into Mesos, the CNI network configuration that runs it as a CNI plugin, and"
        + " its bash completion.",
    footer = {"", "The pool, ipam, endpoint, profile, policy, node, route-mode, bgp, status and diags commands take --output table|json (-o);"
        + " run 'calico-mesos COMMAND --help' for its options."})
final class AdminCommands {
  @Mixin private HelpOption help;

  // Only the root has it: one build, one version, whichever command is asked.
  @Option(names = {"-V", "--version"}, versionHelp = true,
      description = "Print the version and the commit it was built from, and exit.")
  private boolean versionRequested;

  private AdminCommands() {}

  /** @param otherEntryPoints picocli commands of the other entry points (the agent), listed in help and completion */
  static CommandLine tree(Invocation invocation, List<Object> otherEntryPoints) {
    CommandLine root = new CommandLine(new AdminCommands());
    // Given as an instance rather than in @Command, so picocli need not construct it by reflection.
    root.getCommandSpec().versionProvider(new BuildVersionProvider());
    root.addSubcommand(PoolCommand.commandLine(invocation));
    root.addSubcommand(IpamCommand.commandLine(invocation));
    root.addSubcommand(EndpointCommand.commandLine(invocation));
    root.addSubcommand(ProfileCommand.commandLine(invocation));
    root.addSubcommand(PolicyCommand.commandLine(invocation));
    root.addSubcommand(NodeCommand.commandLine(invocation));
    root.addSubcommand(new CommandLine(new RouteModeCommand(invocation)));
    root.addSubcommand(BgpCommand.commandLine(invocation));
    root.addSubcommand(new CommandLine(new StatusCommand(invocation)));
    root.addSubcommand(new CommandLine(new GcCommand(invocation)));
    otherEntryPoints.forEach(root::addSubcommand);
    root.addSubcommand(new CommandLine(new ModulesJsonCommand(invocation)));
    root.addSubcommand(new CommandLine(new CniConfigCommand(invocation)));
    root.addSubcommand(new CommandLine(new DiagsCommand(invocation)));
    root.addSubcommand(new CommandLine(new CompletionCommand(invocation)));
    root.addSubcommand(new HelpCommand());
    // Settings given to the root reach every subcommand added above, so they come last.
    FailureReport failures = new FailureReport(invocation.err());
    root.setOut(new PrintWriter(invocation.out(), true));
    root.setErr(new PrintWriter(invocation.err(), true));
    root.setParameterExceptionHandler(failures);
    root.setExecutionExceptionHandler(failures);
    root.setExitCodeExceptionMapper(e -> FailureReport.FAILED);
    root.setAbbreviatedOptionsAllowed(false);
    return root;
  }
}
