package org.calicomesos.adapters.iproute2;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.diagnostics.HostReadout;
import org.calicomesos.ports.diagnostics.HostReadouts;
import org.calicomesos.ports.diagnostics.ReadoutResult;
import org.calicomesos.ports.diagnostics.ReadoutResult.Status;

/**
 * {@link HostReadouts} from the host's own tools: {@code ip}, {@code nft list} and {@code journalctl}, each a fixed
 * argv list run without a shell and killed after its timeout. Nothing here writes to the kernel.
 */
final class HostCommandReadouts implements HostReadouts {
  // The table is the nftables adapter's (NftablesPolicyDataplane.DEFAULT_TABLE); adapters may not share code, so the
  // name is repeated here. Listing only this table keeps other programs' rules out of the bundle.
  private static final Map<HostReadout, List<String>> ON_PATH = new EnumMap<>(Map.of(
      HostReadout.ADDRESSES, List.of("ip", "-d", "addr"),
      HostReadout.LINKS, List.of("ip", "-d", "link"),
      HostReadout.IPV4_ROUTES, List.of("ip", "route"),
      HostReadout.IPV6_ROUTES, List.of("ip", "-6", "route"),
      HostReadout.ROUTING_RULES, List.of("ip", "rule"),
      HostReadout.POLICY_TABLE, List.of("nft", "list", "table", "inet", "calico_mesos"),
      HostReadout.AGENT_JOURNAL, List.of("journalctl", "-u", "calico-mesos-agent", "-n", "2000", "--no-pager")));
  // What nft says (on stderr, exit 1) when the table it is asked to list does not exist.
  private static final String NO_SUCH_TABLE = "No such file or directory";

  private final Map<HostReadout, List<String>> commands;
  private final CommandRunner runner;

  HostCommandReadouts(Map<HostReadout, List<String>> commands, Duration timeout) {
    this.commands = Map.copyOf(commands);
    this.runner = new CommandRunner(timeout);
  }

  /** The tools on the PATH, 10 s each (a host with thousands of containers lists its links in well under that). */
  static HostCommandReadouts onPath() {
    return new HostCommandReadouts(ON_PATH, Duration.ofSeconds(10));
  }

  @Override
  public ReadoutResult read(HostReadout readout) {
    List<String> argv = commands.get(readout);
    if (argv == null) {
      throw new IllegalArgumentException("no command reads " + readout);
    }
    String command = String.join(" ", argv);
    CommandResult result;
    try {
      result = runner.run(argv);
    } catch (DataplaneException e) {
      // The runner says "cannot start" with the IOException as the cause; otherwise it timed out or was interrupted.
      Status status = e.getCause() instanceof IOException ? Status.UNAVAILABLE : Status.FAILED;
      return new ReadoutResult(command, status, "", "", e.getMessage());
    }
    if (result.succeeded()) {
      return new ReadoutResult(command, Status.READ, result.stdout(), result.stderr(), "");
    }
    Status status = readout == HostReadout.POLICY_TABLE && result.stderr().contains(NO_SUCH_TABLE)
        ? Status.ABSENT : Status.FAILED;
    return new ReadoutResult(command, status, result.stdout(), result.stderr(), result.reason());
  }
}
