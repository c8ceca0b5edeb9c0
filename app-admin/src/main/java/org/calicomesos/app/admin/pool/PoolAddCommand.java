package org.calicomesos.app.admin.pool;

import inet.ipaddr.IPAddress;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.Addresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pool add CIDR [--block-size N] [--strict-affinity] [--vxlan] [--nat-outgoing]}. */
@Command(name = "add", description = "Add an IP pool. It must not overlap an existing pool.")
final class PoolAddCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CIDR", description = "The pool's network, e.g. 10.0.0.0/16 or fd80:24e2:f998:72d6::/64.")
  private String cidr;

  @Option(names = "--block-size", paramLabel = "N",
      description = "Prefix length of the blocks hosts claim, e.g. 26 (64 addresses); default 26 for IPv4, 122 for IPv6.")
  private Integer blockSize;

  @Option(names = "--strict-affinity", description = "Hosts never borrow addresses from other hosts' blocks.")
  private boolean strictAffinity;

  @Option(names = "--vxlan", description = "Wrap traffic between hosts to this pool's addresses in VXLAN, for hosts "
      + "that do not share a link (IPv4 pools only).")
  private boolean vxlan;

  @Option(names = "--nat-outgoing", description = "Traffic from this pool's containers to addresses outside every "
      + "pool leaves with its host's address (masquerade).")
  private boolean natOutgoing;

  PoolAddCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    IPAddress network = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("CIDR", cidr));
    Encapsulation encapsulation = vxlan ? Encapsulation.VXLAN : Encapsulation.NONE;
    // The pool record checks that the block size fits and that the pool can be encapsulated; asking it here makes
    // either a usage error.
    ArgumentCheck.parse(spec, () -> new Pool(network,
        blockSize != null ? blockSize : IpFamily.of(network).defaultBlockPrefix(), strictAffinity, encapsulation));
    OptionalInt blocks = blockSize == null ? OptionalInt.empty() : OptionalInt.of(blockSize);
    Pool added = invocation.useCases().pools().add(new AddPoolCommand(network, blocks, strictAffinity, encapsulation,
        natOutgoing));
    output.print(new PoolAddedReport(added), invocation.out());
    return 0;
  }
}
