package org.calicomesos.app.admin.ipam;

import inet.ipaddr.IPAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipam release --ip IP[,IP...] | --uid UID}: frees addresses by address (whoever holds them) or by handle. */
@Command(name = "release",
    description = {"Release addresses: the ones named (whoever holds them), or every one a uid holds.",
        "Releasing an address that is already free is not an error."})
final class IpamReleaseCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Target target;

  /** Exactly one of the two ways to name what to release. */
  static final class Target {
    @Option(names = "--ip", paramLabel = "IP", split = ",", required = true,
        description = "An address to release; repeat the option or give a comma-separated list.")
    private List<String> ips;

    @Option(names = "--uid", paramLabel = "UID", required = true,
        description = "Release every address this handle (the net-modules uid) holds.")
    private String uid;
  }

  IpamReleaseCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ReleaseCommand command = ArgumentCheck.parse(spec, this::command);
    output.print(new ReleaseReport(invocation.useCases().release().release(command)), invocation.out());
    return 0;
  }

  private ReleaseCommand command() {
    if (target.uid != null) {
      return new ReleaseCommand.ByHandle(new HandleId(target.uid));
    }
    Set<IPAddress> addresses = new LinkedHashSet<>();
    for (String ip : target.ips) {
      addresses.add(Addresses.parseAnyAddress("ip", ip));
    }
    return new ReleaseCommand.ByAddresses(List.copyOf(addresses));
  }
}
