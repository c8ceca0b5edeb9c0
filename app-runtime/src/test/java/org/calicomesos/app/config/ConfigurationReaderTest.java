package org.calicomesos.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The environment variables of docs/configuration.md: defaults, the datastore rule, and errors naming the variable. */
class ConfigurationReaderTest {
  private final ConfigurationReader reader = new ConfigurationReader(() -> "agent-7.example.com");

  @Test
  void defaults() {
    Configuration configuration = reader.read(Map.of());

    assertThat(configuration.datastore().kind()).isEqualTo(DatastoreKind.SQLITE);
    assertThat(configuration.sqlitePath()).isEqualTo(Path.of("/var/lib/calico-mesos/store.db"));
    assertThat(configuration.keys().prefix()).isEqualTo("/calico");
    assertThat(configuration.nodeName().value()).isEqualTo("agent-7.example.com");
    assertThat(configuration.ipam().defaultIpv4Pool().toCanonicalString()).isEqualTo("192.168.0.0/16");
    assertThat(configuration.ipam().defaultIpv6Pool().toCanonicalString()).isEqualTo("fd80:24e2:f998:72d6::/64");
    assertThat(configuration.log()).isEqualTo(new LogSettings(Path.of("/var/log/calico/isolator.log"), Level.INFO));
    assertThat(configuration.describeDatastore()).isEqualTo("sqlite at /var/lib/calico-mesos/store.db");
    assertThat(configuration.requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void theRequestTimeoutIsInSecondsAndTheDatastoreVariablesAreKeptForTheAdapter() {
    Configuration configuration = reader.read(Map.of("CALICO_REQUEST_TIMEOUT", "2.5",
        "ETCD_ENDPOINTS", "https://10.0.0.1:2379", "ETCD_PASSWORD", "hunter2", "CALICO_NODENAME", "n1"));

    assertThat(configuration.requestTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
    assertThat(configuration.datastoreEnvironment())
        .containsOnlyKeys("ETCD_ENDPOINTS", "ETCD_PASSWORD");
    assertThat(configuration.toString()).doesNotContain("hunter2").contains("request timeout 2500 ms");
  }

  @Test
  void explicitValues() {
    Configuration configuration = reader.read(Map.of(
        "CALICO_DATASTORE", "memory", "CALICO_SQLITE_PATH", "/tmp/x/store.db", "CALICO_PREFIX", "/test/calico",
        "CALICO_NODENAME", "node-1", "CALICO_IPV4POOL_CIDR", "10.10.0.0/16", "CALICO_IPV6POOL_CIDR", "fd00:1::/64",
        "CALICO_LOG_FILE", "/tmp/x/plugin.log", "CALICO_LOG_LEVEL", "DEBUG", "CALICO_HOST_IP", "10.0.0.5",
        "CALICO_HOST_IPV6", "fd00::5"));

    assertThat(configuration.datastore().kind()).isEqualTo(DatastoreKind.MEMORY);
    assertThat(configuration.sqlitePath()).isEqualTo(Path.of("/tmp/x/store.db"));
    assertThat(configuration.keys().prefix()).isEqualTo("/test/calico");
    assertThat(configuration.nodeName().value()).isEqualTo("node-1");
    assertThat(configuration.ipam().defaultIpv4Pool().toCanonicalString()).isEqualTo("10.10.0.0/16");
    assertThat(configuration.log()).isEqualTo(new LogSettings(Path.of("/tmp/x/plugin.log"), Level.DEBUG));
    assertThat(configuration.endpoints().hostIp().orElseThrow().toCanonicalString()).isEqualTo("10.0.0.5");
    assertThat(configuration.endpoints().hostIpv6().orElseThrow().toCanonicalString()).isEqualTo("fd00::5");
  }

  @Test
  void datastoreDefaultsFollowTheVariablesThatAreSet() {
    assertThat(reader.read(Map.of("ETCD_ENDPOINTS", "https://10.0.0.1:2379")).datastore())
        .isEqualTo(new DatastoreChoice(DatastoreKind.ETCD, "default, because ETCD_ENDPOINTS is set"));
    assertThat(reader.read(Map.of("ETCD_AUTHORITY", "10.0.0.1:2379")).datastore().kind()).isEqualTo(DatastoreKind.ETCD);
    assertThat(reader.read(Map.of("CONSUL_HTTP_ADDR", "127.0.0.1:8500")).datastore().kind()).isEqualTo(DatastoreKind.CONSUL);
    assertThat(reader.read(Map.of("CALICO_DATASTORE", "sqlite", "ETCD_ENDPOINTS", "https://x:2379")).datastore().kind())
        .isEqualTo(DatastoreKind.SQLITE);
  }

  @Test
  void summaryNamesCredentialVariablesButNeverTheirValues() {
    String summary = reader.read(Map.of("CALICO_DATASTORE", "sqlite", "ETCD_PASSWORD", "hunter2",
        "CONSUL_HTTP_TOKEN", "s3cr3t")).summary();

    assertThat(summary).contains("ETCD_PASSWORD", "CONSUL_HTTP_TOKEN").doesNotContain("hunter2", "s3cr3t");
  }

  /** A wrong environment and the message an operator reads. */
  record BadEnvironment(String variable, String value, String message) {
    @Override
    public String toString() {
      return variable + "=" + value;
    }
  }

  static Stream<BadEnvironment> badEnvironments() {
    return Stream.of(
        new BadEnvironment("CALICO_DATASTORE", "zookeeper", "CALICO_DATASTORE 'zookeeper' is not one of sqlite, etcd, consul, memory"),
        new BadEnvironment("CALICO_SQLITE_PATH", "relative/store.db", "CALICO_SQLITE_PATH 'relative/store.db' must be an absolute file path"),
        new BadEnvironment("CALICO_PREFIX", "calico/", "CALICO_PREFIX is invalid: datastore prefix 'calico/' must be an absolute path"),
        new BadEnvironment("CALICO_NODENAME", "bad node", "CALICO_NODENAME is invalid: node name 'bad node' may hold only"),
        new BadEnvironment("CALICO_IPV4POOL_CIDR", "10.0.0.1/16", "CALICO_IPV4POOL_CIDR '10.0.0.1/16' has host bits set"),
        new BadEnvironment("CALICO_IPV4POOL_CIDR", "fd00::/64", "CALICO_IPV4POOL_CIDR 'fd00::/64' is an IPv6 CIDR; IPv4 expected"),
        new BadEnvironment("CALICO_IPV6POOL_CIDR", "10.0.0.0/8", "CALICO_IPV6POOL_CIDR '10.0.0.0/8' is an IPv4 CIDR; IPv6 expected"),
        new BadEnvironment("CALICO_IPV6POOL_CIDR", "nonsense", "CALICO_IPV6POOL_CIDR 'nonsense' is not an IP address"),
        new BadEnvironment("CALICO_HOST_IPV6", "10.0.0.5", "CALICO_HOST_IPV6 '10.0.0.5' is an IPv4 address; IPv6 expected"),
        new BadEnvironment("CALICO_LOG_FILE", "isolator.log", "CALICO_LOG_FILE 'isolator.log' must be an absolute file path"),
        new BadEnvironment("CALICO_REQUEST_TIMEOUT", "forever",
            "CALICO_REQUEST_TIMEOUT 'forever' must be a number of seconds between 0.1 and 300"),
        new BadEnvironment("CALICO_REQUEST_TIMEOUT", "0", "CALICO_REQUEST_TIMEOUT '0' must be a number of seconds between 0.1 and 300"),
        new BadEnvironment("CALICO_LOG_LEVEL", "verbose", "CALICO_LOG_LEVEL 'verbose' is not one of debug, info, warning, error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEnvironments")
  void invalidValuesNameTheirVariable(BadEnvironment bad) {
    assertThatThrownBy(() -> reader.read(Map.of(bad.variable(), bad.value())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(bad.message());
  }

  @Test
  void metricsDefaultToLoopbackOnTheirPortAndAreNotPartOfThePluginsConfiguration() {
    assertThat(ConfigurationReader.metrics(Map.of()).describe()).isEqualTo("http://127.0.0.1:9097/metrics");
    assertThat(ConfigurationReader.metrics(Map.of("CALICO_METRICS_PORT", "9400", "CALICO_METRICS_ADDRESS", "::"))
        .describe()).isEqualTo("http://[0:0:0:0:0:0:0:0]:9400/metrics");
    assertThat(ConfigurationReader.metrics(Map.of("CALICO_METRICS_ADDRESS", "0.0.0.0")).describe())
        .isEqualTo("http://0.0.0.0:9097/metrics");
    assertThat(reader.read(Map.of("CALICO_METRICS_PORT", "not a port")).nodeName().value())
        .as("a wrong metrics variable never fails a plugin request").isEqualTo("agent-7.example.com");
  }

  @Test
  void birdPathsDefaultToDebiansAreCheckedOnlyWhenAskedForAndRefuseRelativeOrControlCharacters() {
    assertThat(ConfigurationReader.bird(Map.of())).isEqualTo(BirdPaths.DEFAULT);
    assertThat(ConfigurationReader.bird(Map.of("CALICO_BIRD_CONFIG", "/tmp/b/bird.conf", "CALICO_BIRD_SOCKET",
        "/tmp/b/bird.ctl"))).isEqualTo(new BirdPaths(Path.of("/tmp/b/bird.conf"), Path.of("/tmp/b/bird.ctl")));
    assertThatThrownBy(() -> ConfigurationReader.bird(Map.of("CALICO_BIRD_CONFIG", "bird.conf")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("CALICO_BIRD_CONFIG 'bird.conf' must be an absolute file path");
    assertThatThrownBy(() -> ConfigurationReader.bird(Map.of("CALICO_BIRD_SOCKET", "/run/bird\n/x.ctl")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("CALICO_BIRD_SOCKET '/run/bird?/x.ctl' must be an absolute file path without control characters");
    Configuration plugin = reader.read(Map.of("CALICO_BIRD_CONFIG", "relative"));
    assertThat(plugin.birdEnvironment()).as("a wrong BIRD variable never fails a plugin request")
        .containsExactly(Map.entry("CALICO_BIRD_CONFIG", "relative"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "OFF", " Off ", "0"})
  void metricsCanBeTurnedOff(String off) {
    assertThat(ConfigurationReader.metrics(Map.of("CALICO_METRICS_PORT", off))).isEqualTo(MetricsSettings.OFF);
    assertThat(MetricsSettings.OFF.describe()).isEqualTo("off");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMetricsEnvironments")
  void invalidMetricsValuesNameTheirVariable(BadEnvironment bad) {
    assertThatThrownBy(() -> ConfigurationReader.metrics(Map.of(bad.variable(), bad.value())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(bad.message());
  }

  static Stream<BadEnvironment> badMetricsEnvironments() {
    String rule = "' must be a port number from 1 to 65535, or off (or 0) to serve no metrics";
    return Stream.of(
        new BadEnvironment("CALICO_METRICS_PORT", "65536", "CALICO_METRICS_PORT '65536" + rule),
        new BadEnvironment("CALICO_METRICS_PORT", "-1", "CALICO_METRICS_PORT '-1" + rule),
        new BadEnvironment("CALICO_METRICS_PORT", "9097/tcp", "CALICO_METRICS_PORT '9097/tcp" + rule),
        new BadEnvironment("CALICO_METRICS_PORT", "false", "CALICO_METRICS_PORT 'false" + rule),
        new BadEnvironment("CALICO_METRICS_ADDRESS", "localhost", "CALICO_METRICS_ADDRESS 'localhost' is not an IP address"),
        new BadEnvironment("CALICO_METRICS_ADDRESS", "127.0.0.0/8",
            "CALICO_METRICS_ADDRESS '127.0.0.0/8' must be a single address, not a CIDR"));
  }

  @Test
  void anUnusableHostnameAsksForCalicoNodename() {
    ConfigurationReader odd = new ConfigurationReader(() -> "host_with spaces");

    assertThatThrownBy(() -> odd.read(Map.of()))
        .hasMessageStartingWith("this machine's hostname cannot serve as the node name")
        .hasMessageEndingWith("set CALICO_NODENAME");
    assertThat(odd.read(Map.of("CALICO_NODENAME", "fine")).nodeName().value()).isEqualTo("fine");
  }

  @Test
  void thisMachinesHostnameComesFromTheKernel() {
    assertThat(ConfigurationReader.forThisMachine().read(Map.of()).nodeName().value()).isNotBlank();
  }

  @Test
  void theAgentWarmsUpForThreeSecondsUnlessToldOtherwise() {
    assertThat(ConfigurationReader.agentWarmUp(Map.of())).contains(java.time.Duration.ofSeconds(3));
    assertThat(ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "500ms")))
        .contains(java.time.Duration.ofMillis(500));
    assertThat(ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "30s")))
        .contains(java.time.Duration.ofSeconds(30));
    assertThat(ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "off"))).isEmpty();
    assertThat(ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "0s"))).isEmpty();
  }

  @Test
  void aGcIntervalUnderASecondIsRefusedByNameAndOffTurnsItOff() {
    assertThat(ConfigurationReader.gcInterval(Map.of())).contains(java.time.Duration.ofMinutes(1));
    assertThat(ConfigurationReader.gcInterval(Map.of("CALICO_GC_INTERVAL", "off"))).isEmpty();
    assertThat(ConfigurationReader.gcInterval(Map.of("CALICO_GC_INTERVAL", "2h")))
        .contains(java.time.Duration.ofHours(2));
    assertThatThrownBy(() -> ConfigurationReader.gcInterval(Map.of("CALICO_GC_INTERVAL", "500ms")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("CALICO_GC_INTERVAL '500ms' must be at least 1s, or off");
  }

  @Test
  void aWarmUpLongerThanThirtySecondsOrNotADurationIsRefusedByName() {
    assertThatThrownBy(() -> ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "31s")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("CALICO_AGENT_WARMUP '31s' must be at most 30s, or off");
    assertThatThrownBy(() -> ConfigurationReader.agentWarmUp(Map.of("CALICO_AGENT_WARMUP", "soon")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("CALICO_AGENT_WARMUP 'soon' ");
  }
}
