package org.calicomesos.app.admin.pool;

import org.calicomesos.app.admin.Invocation;
import org.calicomesos.ports.model.Excerpt;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code pool nat-outgoing CIDR on|off}: whether one pool's containers are masqueraded leaving the pools. */
@Command(name = "nat-outgoing", description = {
    "Set whether traffic from one pool's containers to addresses outside every pool leaves with its host's address"
        + " (on: masqueraded, as Calico's natOutgoing) or with the container's own (off).",
    "Every agent follows within seconds."})
final class PoolNatOutgoingCommand extends PoolSettingCommand {
  @Parameters(index = "1", paramLabel = "SETTING", description = "on or off.")
  private String setting;

  PoolNatOutgoingCommand(Invocation invocation) {
    super(invocation, PoolChangedReport.Setting.NAT_OUTGOING);
  }

  @Override
  Change change() {
    boolean on = switch (setting) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new ParameterException(spec.commandLine(),
          "SETTING '" + Excerpt.of(setting) + "' is not one of on, off");
    };
    return (pools, cidr) -> pools.setNatOutgoing(cidr, on);
  }
}
