package org.calicomesos.app.admin.routing;

import inet.ipaddr.IPAddress;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bgp peer add IP AS | remove IP}: the explicit peers every host peers with. */
@Command(name = "peer", synopsisSubcommandLabel = "(add | remove)",
    description = "Add or remove an explicit BGP peer, which every host peers with besides the node mesh.")
final class BgpPeerCommand {
  @Mixin private HelpOption help;

  private BgpPeerCommand() {}

  static CommandLine commandLine(Invocation invocation) {
    CommandLine peer = new CommandLine(new BgpPeerCommand());
    peer.addSubcommand(new Add(invocation));
    peer.addSubcommand(new Remove(invocation));
    return peer;
  }

  /** {@code bgp peer add IP AS}. */
  @Command(name = "add", description = {"Add an explicit peer (replacing the one at that address): every host opens a",
      "session to it, on a link it shares with it."})
  static final class Add implements Callable<Integer> {
    private final Invocation invocation;

    @Spec private CommandSpec spec;
    @Mixin private HelpOption help;
    @Mixin private OutputOption output;

    @Parameters(index = "0", paramLabel = "IP", description = "The peer's address, IPv4 or IPv6.")
    private String ip;

    @Parameters(index = "1", paramLabel = "AS", description = "The peer's AS number.")
    private String as;

    Add(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      IPAddress address = ArgumentCheck.parse(spec, () -> Addresses.parseAnyAddress("peer IP", ip));
      AsNumber number = BgpArguments.asNumber(spec, "peer AS", as);
      output.print(new BgpSettingsReport(invocation.useCases().routing()
          .changeBgpSettings(s -> s.withPeer(BgpPeer.explicit(address, number)))), invocation.out());
      return 0;
    }
  }

  /** {@code bgp peer remove IP}. */
  @Command(name = "remove", description = "Remove the explicit peer at an address; every host closes its session.")
  static final class Remove implements Callable<Integer> {
    private final Invocation invocation;

    @Spec private CommandSpec spec;
    @Mixin private HelpOption help;
    @Mixin private OutputOption output;

    @Parameters(index = "0", paramLabel = "IP", description = "The peer's address, as 'bgp show' lists it.")
    private String ip;

    Remove(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      IPAddress address = ArgumentCheck.parse(spec, () -> Addresses.parseAnyAddress("peer IP", ip));
      output.print(new BgpSettingsReport(invocation.useCases().routing()
          .changeBgpSettings(s -> s.withoutPeer(address))), invocation.out());
      return 0;
    }
  }
}
