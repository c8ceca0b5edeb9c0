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

/** {@code profile show NAME}; an unknown profile is a failure (exit 1). */
@Command(name = "show", description = {"Show a profile's tags and its inbound and outbound rules in order, numbered"
        + " as 'profile rule add|remove --at' counts them.",
    "A rule without conditions matches everything."
        + " Exits 1 for an unknown profile."})
final class ProfileShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "NAME", description = "The profile: a netgroup, public, or default_<node>.")
  private String name;

  ProfileShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ProfileName profile = ArgumentCheck.parse(spec, () -> new ProfileName(name));
    output.print(new ProfileShowReport(invocation.useCases().profiles().show(profile)), invocation.out());
    return 0;
  }
}
