package org.calicomesos.app.admin.profile;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.ProfileName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profile rule list PROFILE}: the rules numbered per direction, as add and remove count them. */
@Command(name = "list", description = "List a profile's inbound and outbound rules, numbered from 1. Exits 1 for an"
    + " unknown profile.")
final class ProfileRuleListCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile.")
  private String profile;

  ProfileRuleListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ProfileName name = ArgumentCheck.parse(spec, () -> new ProfileName(profile));
    output.print(new ProfileRulesReport(name, invocation.useCases().profiles().show(name).rules()), invocation.out());
    return 0;
  }
}
