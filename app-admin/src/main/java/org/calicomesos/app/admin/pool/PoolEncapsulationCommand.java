package org.calicomesos.app.admin.pool;

import inet.ipaddr.IPAddress;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.Excerpt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pool encapsulation CIDR none|vxlan}: changes how one pool's addresses on other hosts are reached. */
@Command(name = "encapsulation", description = {
    "Set how traffic between hosts to one pool's addresses travels: vxlan (wrapped, for hosts that do not share a"
        + " link; IPv4 pools only) or none (routed directly).",
    "Every agent follows within seconds; containers started before keep their interface's MTU."})
final class PoolEncapsulationCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CIDR", description = "The pool's network, exactly as 'pool list' shows it.")
  private String cidr;

  @Parameters(index = "1", paramLabel = "ENCAPSULATION", description = "none or vxlan.")
  private String encapsulation;

  PoolEncapsulationCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    IPAddress network = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("CIDR", cidr));
    Encapsulation wanted = Encapsulation.ofSetting(encapsulation).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "encapsulation '" + Excerpt.of(encapsulation) + "' is not one of none, vxlan"));
    Pool pool = invocation.useCases().pools().setEncapsulation(network, wanted);
    output.print(new PoolChangedReport(pool), invocation.out());
    return 0;
  }
}
