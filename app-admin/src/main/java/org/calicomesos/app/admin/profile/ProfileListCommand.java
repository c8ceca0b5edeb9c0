package org.calicomesos.app.admin.profile;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code profile list}. */
@Command(name = "list", description = {"List the profiles with their tags and how many inbound and outbound rules each has.",
    "A record that cannot be read is shown as such."})
final class ProfileListCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  ProfileListCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    output.print(new ProfileListReport(invocation.useCases().profiles().list()), invocation.out());
    return 0;
  }
}
