package org.calicomesos.adapters.iproute2;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * The {@code ip} command, run from an argv list (never a shell) within the runner's time bound; also iproute2's
 * {@code bridge}, which takes its arguments and prints its answers the same way.
 */
final class IpCommand {
  private final String path;
  private final CommandRunner runner;

  IpCommand(String path, CommandRunner runner) {
    this.path = path;
    this.runner = runner;
  }

  /** The executable, for argv lists that wrap it (nsenter … ip). */
  String path() {
    return path;
  }

  CommandResult run(String... args) {
    return runWithInput("", args);
  }

  /** Runs {@code ip args…} feeding it {@code stdin} (an {@code -batch -} script). */
  CommandResult runWithInput(String stdin, String... args) {
    List<String> argv = new ArrayList<>(args.length + 1);
    argv.add(path);
    argv.addAll(List.of(args));
    return runner.run(argv, stdin);
  }

  /** The command's stdout; a failure is a {@link DataplaneException} "{@code what}: {ip's first stderr line}". */
  String runOrFail(String what, String... args) {
    CommandResult result = run(args);
    if (!result.succeeded()) {
      throw new DataplaneException(what + ": " + result.reason());
    }
    return result.stdout();
  }

  /** {@code -4} or {@code -6}: ip's family option for {@code address}. */
  static String family(IPAddress address) {
    return address.isIPv6() ? "-6" : "-4";
  }
}
