package org.calicomesos.app.admin.pool;

import org.calicomesos.app.admin.Invocation;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.model.Excerpt;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code pool encapsulation CIDR none|vxlan}: changes how one pool's addresses on other hosts are reached. */
@Command(name = "encapsulation", description = {
    "Set how traffic between hosts to one pool's addresses travels: vxlan (wrapped, for hosts that do not share a"
        + " link; IPv4 pools only) or none (routed directly).",
    "Every agent follows within seconds; containers started before keep their interface's MTU."})
final class PoolEncapsulationCommand extends PoolSettingCommand {
  @Parameters(index = "1", paramLabel = "ENCAPSULATION", description = "none or vxlan.")
  private String encapsulation;

  PoolEncapsulationCommand(Invocation invocation) {
    super(invocation, PoolChangedReport.Setting.ENCAPSULATION);
  }

  @Override
  Change change() {
    Encapsulation wanted = Encapsulation.ofSetting(encapsulation).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "encapsulation '" + Excerpt.of(encapsulation) + "' is not one of none, vxlan"));
    return (pools, cidr) -> pools.setEncapsulation(cidr, wanted);
  }
}
