package org.calicomesos.app.admin.profile;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code profile}: the group of profile commands; on its own it only asks for one of them. */
@Command(
    name = "profile",
    synopsisSubcommandLabel = "(list | show | rule)",
    description = "Inspect the policy profiles (one per netgroup, 'public', and default_<node> per host) and edit"
        + " their rules.")
public final class ProfileCommand {
  @Mixin private HelpOption help;

  private ProfileCommand() {}

  public static CommandLine commandLine(Invocation invocation) {
    CommandLine profile = new CommandLine(new ProfileCommand());
    profile.addSubcommand(new ProfileListCommand(invocation));
    profile.addSubcommand(new ProfileShowCommand(invocation));
    profile.addSubcommand(ProfileRuleCommand.commandLine(invocation));
    return profile;
  }
}
