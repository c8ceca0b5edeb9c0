package org.calicomesos.app.admin.profile;

import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code profile rule}: edit one profile's rules; on its own it only asks for a subcommand. */
@Command(
    name = "rule",
    synopsisSubcommandLabel = "(add | remove | list)",
    description = "Edit a profile's inbound or outbound rules, numbered from 1 as 'profile rule list' shows them.")
final class ProfileRuleCommand {
  @Mixin private HelpOption help;

  private ProfileRuleCommand() {}

  static CommandLine commandLine(Invocation invocation) {
    CommandLine rule = new CommandLine(new ProfileRuleCommand());
    rule.addSubcommand(new ProfileRuleAddCommand(invocation));
    rule.addSubcommand(new ProfileRuleRemoveCommand(invocation));
    rule.addSubcommand(new ProfileRuleListCommand(invocation));
    return rule;
  }
}
