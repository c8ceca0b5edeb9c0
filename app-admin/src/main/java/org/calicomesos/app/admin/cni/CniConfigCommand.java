package org.calicomesos.app.admin.cni;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NetworkName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cni-config [--network NAME]... [--mesos] [--ipv6] [--pool CIDR]... [--output-dir DIR [--force]]}: the
 * CNI network configuration for this host's settings. Needs no datastore, only the environment.
 */
@Command(
    name = "cni-config",
    description = {
        "Print a CNI network configuration that runs calico-mesos as the network's plugin and its IPAM, with the"
            + " datastore and settings this command is run with (CALICO_*, ETCD_*, CONSUL_*) under Calico's names.",
        "Secrets are never written: a Consul token only as consul_token_file (CONSUL_HTTP_TOKEN_FILE), etcd"
            + " credentials not at all; a warning on stderr names what was left out.",
        "",
        "For Mesos' network/cni isolator (it loads single-plugin .conf files and reads only the 0.2.0 result):",
        "  calico-mesos cni-config --mesos --output-dir /etc/mesos/cni",
        "For containerd, nerdctl, Podman's CNI backend or cnitool (a conflist; chain portmap and others after it):",
        "  calico-mesos cni-config --output-dir /etc/cni/net.d",
        "",
        "It takes no --output: the output is the file a runtime reads, so it is always JSON.",
        ""})
public final class CniConfigCommand implements Callable<Integer> {
  static final String DEFAULT_NETWORK = "calico-mesos";

  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;

  @Option(names = "--network", paramLabel = "NAME",
      description = "The network's name (letters, digits, '_', '.', '-', starting with a letter or digit, at most 128);"
          + " repeat it for several networks, one file each (needs --output-dir). Default: " + DEFAULT_NETWORK + ".")
  private List<String> networks = new ArrayList<>();

  @Option(names = "--mesos",
      description = "A single-plugin .conf in cniVersion 0.2.0, for Mesos' network/cni isolator; without it, a"
          + " .conflist in cniVersion 1.1.0.")
  private boolean mesos;

  @Option(names = "--ipv6", description = "Give every container an IPv6 address too (assign_ipv6).")
  private boolean ipv6;

  @Option(names = "--pool", paramLabel = "CIDR",
      description = "Take addresses only from this pool (ipv4_pools or ipv6_pools by family); repeatable. An IPv6"
          + " pool needs --ipv6. Default: any pool of the family.")
  private List<String> pools = new ArrayList<>();

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Write <name>.conf or <name>.conflist there (mode 0644; the directory is made if missing)"
          + " instead of printing; an existing file is kept unless --force.")
  private Path outputDir;

  @Option(names = "--force", description = "With --output-dir: replace files that already exist.")
  private boolean force;

  public CniConfigCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    List<NetworkName> names = networkNames();
    List<IPAddress> poolCidrs = poolCidrs();
    if (outputDir == null && names.size() > 1) {
      throw new ParameterException(spec.commandLine(), "--network is given " + names.size()
          + " times; several networks need --output-dir (one file each)");
    }
    if (outputDir == null && force) {
      throw new ParameterException(spec.commandLine(), "--force applies only with --output-dir");
    }
    CniSettings settings = CniSettings.of(invocation.environment(), ConfigurationReader.forThisMachine());
    settings.warnings().forEach(warning -> invocation.err().println("warning: " + warning));
    Map<String, String> files = new LinkedHashMap<>();
    for (NetworkName name : names) {
      CniNetworkConfig config = new CniNetworkConfig(name, mesos, settings.fields(), ipv6, poolCidrs);
      files.put(config.fileName(), JsonDocument.text(config.toJson()) + "\n");
    }
    if (outputDir == null) {
      invocation.out().print(files.values().iterator().next());
      return 0;
    }
    for (Path written : CniConfigFiles.write(outputDir.toAbsolutePath().normalize(), files, force)) {
      invocation.out().println("wrote " + written);
    }
    return 0;
  }

  private List<NetworkName> networkNames() {
    if (networks.isEmpty()) {
      return List.of(new NetworkName(DEFAULT_NETWORK));
    }
    Set<NetworkName> names = new LinkedHashSet<>();
    for (String network : networks) {
      NetworkName name = ArgumentCheck.parse(spec, () -> new NetworkName(network));
      if (!names.add(name)) {
        throw new ParameterException(spec.commandLine(), "--network '" + network + "' is given twice");
      }
    }
    return List.copyOf(names);
  }

  private List<IPAddress> poolCidrs() {
    Set<IPAddress> cidrs = new LinkedHashSet<>();
    for (String pool : pools) {
      IPAddress cidr = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("--pool", pool));
      if (IpFamily.of(cidr) == IpFamily.V6 && !ipv6) {
        throw new ParameterException(spec.commandLine(), "--pool '" + Excerpt.of(pool)
            + "' is an IPv6 pool; add --ipv6 to assign IPv6 addresses");
      }
      cidrs.add(cidr);
    }
    return List.copyOf(cidrs);
  }
}
