package org.calicomesos.app.config;

import org.calicomesos.ports.model.Excerpt;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Builds the {@link Configuration} from an environment map (docs/configuration.md); every error names its variable. */
public final class ConfigurationReader {
  static final Path DEFAULT_SQLITE_PATH = Path.of("/var/lib/calico-mesos/store.db");
  static final String DEFAULT_IPV4_POOL = "192.168.0.0/16";
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_GC_GRACE = Duration.ofHours(1);
  public static final Duration DEFAULT_GC_INTERVAL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_AGENT_WARMUP = Duration.ofSeconds(3);
  static final Duration MAX_AGENT_WARMUP = Duration.ofSeconds(30);
  private static final Duration NO_LIMIT = Duration.ofSeconds(Long.MAX_VALUE);
  static final String DEFAULT_IPV6_POOL = "fd80:24e2:f998:72d6::/64";

  // Variables whose values may be secrets or point at them: logged as set/unset only.
  private static final List<String> CREDENTIALS = List.of(
      "ETCD_ENDPOINTS", "ETCD_AUTHORITY", "ETCD_CA_CERT_FILE", "ETCD_CERT_FILE", "ETCD_KEY_FILE",
      "ETCD_USERNAME", "ETCD_PASSWORD", "CONSUL_HTTP_ADDR", "CONSUL_HTTP_TOKEN", "CONSUL_CACERT",
      "CONSUL_CLIENT_CERT", "CONSUL_CLIENT_KEY");

  private final Supplier<String> machineHostname;

  /** @param machineHostname the host's name when CALICO_NODENAME is unset (no DNS: the kernel's name) */
  public ConfigurationReader(Supplier<String> machineHostname) {
    this.machineHostname = machineHostname;
  }

  /** Reads the machine's hostname from {@code /proc/sys/kernel/hostname}, the same source as uname(2). */
  public static ConfigurationReader forThisMachine() {
    return new ConfigurationReader(ConfigurationReader::kernelHostname);
  }

  /** @throws InvalidConfigurationException naming the first variable that is wrong */
  public Configuration read(Map<String, String> env) {
    NodeName node = nodeName(env);
    return new Configuration(
        datastore(env),
        EnvironmentValues.path(env, "CALICO_SQLITE_PATH", DEFAULT_SQLITE_PATH),
        keys(env),
        node,
        EndpointConfiguration.dataplane(env),
        EndpointConfiguration.settings(env, node),
        new IpamSettings(pool(env, "CALICO_IPV4POOL_CIDR", DEFAULT_IPV4_POOL, IpFamily.V4),
            pool(env, "CALICO_IPV6POOL_CIDR", DEFAULT_IPV6_POOL, IpFamily.V6)),
        LogSettings.fromEnvironment(env),
        requestTimeout(env),
        gcGrace(env),
        datastoreEnvironment(env),
        birdEnvironment(env),
        CREDENTIALS.stream().filter(name -> EnvironmentValues.text(env, name).isPresent()).collect(Collectors.toList()));
  }

  private static DatastoreChoice datastore(Map<String, String> env) {
    Optional<String> named = EnvironmentValues.text(env, "CALICO_DATASTORE");
    if (named.isPresent()) {
      String value = named.get().toLowerCase(Locale.ROOT);
      for (DatastoreKind kind : DatastoreKind.values()) {
        if (kind.setting().equals(value)) {
          return new DatastoreChoice(kind, "CALICO_DATASTORE=" + kind.setting());
        }
      }
      throw new InvalidConfigurationException("CALICO_DATASTORE '" + Excerpt.of(named.get())
          + "' is not one of sqlite, etcd, consul, memory");
    }
    for (String variable : List.of("ETCD_ENDPOINTS", "ETCD_AUTHORITY")) {
      if (EnvironmentValues.text(env, variable).isPresent()) {
        return new DatastoreChoice(DatastoreKind.ETCD, "default, because " + variable + " is set");
      }
    }
    if (EnvironmentValues.text(env, "CONSUL_HTTP_ADDR").isPresent()) {
      return new DatastoreChoice(DatastoreKind.CONSUL, "default, because CONSUL_HTTP_ADDR is set");
    }
    return new DatastoreChoice(DatastoreKind.SQLITE, "default, because no etcd or Consul variable is set");
  }

  /**
   * {@code CALICO_METRICS_PORT} (1-65535; {@code off} or {@code 0} serves none) and {@code CALICO_METRICS_ADDRESS}
   * (an IP address; {@code 0.0.0.0} or {@code ::} for every interface). Not part of {@link #read}: only the agent
   * serves metrics, so a wrong value here must not fail the plugin's requests.
   *
   * @throws InvalidConfigurationException naming the variable that is wrong
   */
  public static MetricsSettings metrics(Map<String, String> env) {
    String addressText = EnvironmentValues.text(env, "CALICO_METRICS_ADDRESS").orElse(MetricsSettings.DEFAULT_ADDRESS);
    IPAddress address;
    try {
      address = Addresses.parseAnyAddress("CALICO_METRICS_ADDRESS", addressText);
    } catch (CalicoMesosException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
    Optional<String> portText = EnvironmentValues.text(env, "CALICO_METRICS_PORT");
    if (portText.isEmpty()) {
      return new MetricsSettings(Optional.of(new InetSocketAddress(address.toInetAddress(), MetricsSettings.DEFAULT_PORT)));
    }
    if (portText.get().equalsIgnoreCase("off") || portText.get().equals("0")) {
      return MetricsSettings.OFF;
    }
    try {
      int port = Integer.parseInt(portText.get());
      if (port >= 1 && port <= 65535) {
        return new MetricsSettings(Optional.of(new InetSocketAddress(address.toInetAddress(), port)));
      }
    } catch (NumberFormatException e) {
      // reported below, with the rule
    }
    throw new InvalidConfigurationException("CALICO_METRICS_PORT '" + Excerpt.of(portText.get())
        + "' must be a port number from 1 to 65535, or off (or 0) to serve no metrics");
  }

  /**
   * {@code CALICO_BIRD_CONFIG} and {@code CALICO_BIRD_SOCKET}: absolute paths without control characters (they go
   * into bird's and birdc's command lines, and are compared with what BIRD prints); Debian's by default. Not part of
   * {@link #read}, for the same reason as {@link #metrics}: only the agent and {@code node show} talk to BIRD.
   *
   * @throws InvalidConfigurationException naming the variable that is wrong
   */
  public static BirdPaths bird(Map<String, String> env) {
    return new BirdPaths(EnvironmentValues.path(env, "CALICO_BIRD_CONFIG", BirdPaths.DEFAULT.configFile()),
        EnvironmentValues.path(env, "CALICO_BIRD_SOCKET", BirdPaths.DEFAULT.controlSocket()));
  }

  /** {@code CALICO_BIRD_*} as given, for {@link #bird} when (and only when) something talks to BIRD. */
  private static Map<String, String> birdEnvironment(Map<String, String> env) {
    Map<String, String> bird = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith("CALICO_BIRD_")) {
        bird.put(name, value);
      }
    });
    return bird;
  }

  /** {@code CALICO_GC_GRACE}: a duration ({@code 30s}, {@code 10m}, {@code 1h}); 1 h by default. */
  private static Duration gcGrace(Map<String, String> env) {
    // No lambda: this runs in every cold plugin process, where each one spun up costs start-up time.
    Optional<String> text = EnvironmentValues.text(env, "CALICO_GC_GRACE");
    return text.isPresent() ? DurationText.require("CALICO_GC_GRACE", text.get()) : DEFAULT_GC_GRACE;
  }

  /**
   * {@code CALICO_GC_INTERVAL}: how often the agent collects (a duration of at least 1 s; {@code off} or {@code 0s}:
   * never); 1 min by default. Not part of {@link #read}, as {@link #metrics}: only the agent collects on its own.
   *
   * @throws InvalidConfigurationException when it is not a duration or {@code off}
   */
  public static Optional<Duration> gcInterval(Map<String, String> env) {
    return durationOrOff(env, "CALICO_GC_INTERVAL", DEFAULT_GC_INTERVAL, Duration.ofSeconds(1), NO_LIMIT);
  }

  /**
   * {@code CALICO_AGENT_WARMUP}: the most time the agent rehearses requests in memory before it serves (a duration
   * up to 30 s; {@code off} or {@code 0s}: none); 3 s by default. Not part of {@link #read}: only the agent warms up.
   *
   * @throws InvalidConfigurationException when it is not a duration up to 30 s, or {@code off}
   */
  public static Optional<Duration> agentWarmUp(Map<String, String> env) {
    return durationOrOff(env, "CALICO_AGENT_WARMUP", DEFAULT_AGENT_WARMUP, Duration.ofMillis(1), MAX_AGENT_WARMUP);
  }

  // A duration the operator may turn off ("off" or 0s: empty): {@code unset} when not set, else from least to most.
  private static Optional<Duration> durationOrOff(Map<String, String> env, String variable, Duration unset,
      Duration least, Duration most) {
    Optional<String> text = EnvironmentValues.text(env, variable);
    if (text.isEmpty()) {
      return Optional.of(unset);
    }
    if (text.get().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Duration value = DurationText.require(variable, text.get());
    if (value.isZero()) {
      return Optional.empty();
    }
    if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
      String bound = value.compareTo(least) < 0 ? "at least " + DurationText.format(least)
          : "at most " + DurationText.format(most);
      throw new InvalidConfigurationException(variable + " '" + Excerpt.of(text.get()) + "' must be " + bound
          + ", or off");
    }
    return Optional.of(value);
  }

  /** {@code CALICO_REQUEST_TIMEOUT}: seconds, decimals allowed, between 0.1 and 300; 5 by default. */
  private static Duration requestTimeout(Map<String, String> env) {
    Optional<String> text = EnvironmentValues.text(env, "CALICO_REQUEST_TIMEOUT");
    if (text.isEmpty()) {
      return DEFAULT_REQUEST_TIMEOUT;
    }
    try {
      BigDecimal seconds = new BigDecimal(text.get().trim());
      if (seconds.compareTo(new BigDecimal("0.1")) >= 0 && seconds.compareTo(new BigDecimal("300")) <= 0) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
      }
    } catch (NumberFormatException e) {
      // reported below, with the rule
    }
    throw new InvalidConfigurationException("CALICO_REQUEST_TIMEOUT '" + Excerpt.of(text.get())
        + "' must be a number of seconds between 0.1 and 300");
  }

  /** The etcd and Consul variables as given; the chosen adapter validates the ones it uses. */
  private static Map<String, String> datastoreEnvironment(Map<String, String> env) {
    Map<String, String> datastore = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith("ETCD_") || name.startsWith("CONSUL_")) {
        datastore.put(name, value);
      }
    });
    return datastore;
  }

  private static DatastoreKeys keys(Map<String, String> env) {
    String prefix = EnvironmentValues.text(env, "CALICO_PREFIX").orElse(DatastoreKeys.DEFAULT_PREFIX);
    try {
      return new DatastoreKeys(prefix);
    } catch (CalicoMesosException e) {
      throw new InvalidConfigurationException("CALICO_PREFIX is invalid: " + e.getMessage());
    }
  }

  private NodeName nodeName(Map<String, String> env) {
    Optional<String> named = EnvironmentValues.text(env, "CALICO_NODENAME");
    if (named.isPresent()) {
      try {
        return new NodeName(named.get());
      } catch (CalicoMesosException e) {
        throw new InvalidConfigurationException("CALICO_NODENAME is invalid: " + e.getMessage());
      }
    }
    String hostname = machineHostname.get();
    try {
      return new NodeName(hostname);
    } catch (CalicoMesosException e) {
      throw new InvalidConfigurationException("this machine's hostname cannot serve as the node name ("
          + e.getMessage() + "); set CALICO_NODENAME");
    }
  }

  private static IPAddress pool(Map<String, String> env, String variable, String defaultCidr, IpFamily family) {
    String text = EnvironmentValues.text(env, variable).orElse(defaultCidr);
    IPAddress cidr;
    try {
      cidr = Addresses.parseCidr(variable, text);
    } catch (CalicoMesosException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
    if (IpFamily.of(cidr) != family) {
      throw new InvalidConfigurationException(variable + " '" + Excerpt.of(text) + "' is an "
          + IpFamily.of(cidr).displayName() + " CIDR; " + family.displayName() + " expected");
    }
    return cidr;
  }

  private static String kernelHostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new InvalidConfigurationException("cannot read this machine's hostname from /proc/sys/kernel/hostname ("
          + e.getMessage() + "); set CALICO_NODENAME");
    }
  }
}
