package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.calicomesos.app.pipeline.RequestRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a CNI request's configuration comes from: the network configuration, the caller, the defaults file. */
class ConfigurationEnvironmentTest {
  @TempDir
  Path dir;

  @Test
  void networkConfigurationWinsOverTheCallerWhichWinsOverTheDefaultsFile() throws Exception {
    Path defaults = Files.writeString(dir.resolve("calico-mesos"), String.join("\n",
        "# the host's settings",
        "CALICO_NODENAME=from-file",
        "CALICO_LOG_LEVEL='debug'",
        "CALICO_MTU=\"1400\"",
        "ETCD_ENDPOINTS=http://file:2379",
        "PATH=/not/a/setting",
        ""));
    Map<String, String> caller = CniRequests.environment("ADD", "CALICO_LOG_LEVEL", "warning",
        "ETCD_ENDPOINTS", "http://caller:2379");
    String config = CniRequests.config("0.3.1", "\"etcd_endpoints\":\"http://netconf:2379\",\"datastore_type\":\"etcdv3\"");

    Map<String, String> environment = CniProtocol.plugin(defaults)
        .configurationEnvironment(CniRequests.request(CniProtocol.plugin(defaults), caller, config));

    assertThat(environment)
        .containsEntry("ETCD_ENDPOINTS", "http://netconf:2379")
        .containsEntry("CALICO_DATASTORE", "etcd")
        .containsEntry("CALICO_LOG_LEVEL", "warning")
        .containsEntry("CALICO_NODENAME", "from-file")
        .containsEntry("CALICO_MTU", "1400")
        .containsEntry("CNI_COMMAND", "ADD")
        .doesNotContainKey("PATH");
  }

  @Test
  void everyCalicoNameBecomesItsVariable() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "s3cret\nsecond line\n");
    String config = CniRequests.config("1.0.0", "\"datastore_type\":\"consul\",\"sqlite_path\":\"/var/lib/s.db\","
        + "\"etcd_key_file\":\"/k\",\"etcd_cert_file\":\"/c\",\"etcd_ca_cert_file\":\"/ca\","
        + "\"consul_address\":\"127.0.0.1:8500\",\"consul_token_file\":\"" + token + "\",\"nodename\":\"n1\","
        + "\"mtu\":1450,\"log_level\":\"debug\",\"log_file\":\"/var/log/c.log\",\"agent_socket\":\"/run/a.sock\","
        + "\"ipam\":{\"ipv4_pools\":[\"10.1.0.0/16\"]}");

    Map<String, String> environment = CalicoSettings.of(NetworkConfig.decode(config.getBytes()).root());

    assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("CALICO_DATASTORE", "consul"), Map.entry("CALICO_SQLITE_PATH", "/var/lib/s.db"),
        Map.entry("ETCD_KEY_FILE", "/k"), Map.entry("ETCD_CERT_FILE", "/c"), Map.entry("ETCD_CA_CERT_FILE", "/ca"),
        Map.entry("CONSUL_HTTP_ADDR", "127.0.0.1:8500"), Map.entry("CONSUL_HTTP_TOKEN", "s3cret"),
        Map.entry("CALICO_NODENAME", "n1"), Map.entry("CALICO_MTU", "1450"), Map.entry("CALICO_LOG_LEVEL", "debug"),
        Map.entry("CALICO_LOG_FILE", "/var/log/c.log"), Map.entry("CALICO_AGENT_SOCKET", "/run/a.sock")));
  }

  @Test
  void aMissingDefaultsFileIsFine() {
    CniProtocol protocol = CniProtocol.plugin(dir.resolve("absent"));

    Map<String, String> environment = protocol.configurationEnvironment(
        CniRequests.request(protocol, CniRequests.environment("DEL"), CniRequests.config("0.4.0", "")));

    assertThat(environment).containsEntry("CNI_COMMAND", "DEL").doesNotContainKey("CALICO_NODENAME");
  }

  @Test
  void anUnreadableDefaultsFileIsAConfigurationError() {
    CniProtocol protocol = CniProtocol.plugin(dir); // a directory: it exists but cannot be read as a file

    assertRefused(protocol, CniRequests.config("0.4.0", ""),
        "{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"cannot read the defaults file " + dir + " (IOException)\"}\n");
  }

  @Test
  void versionNeedsNoConfigurationAtAll() {
    CniProtocol protocol = CniProtocol.plugin(dir);
    Map<String, String> caller = Map.of("CNI_COMMAND", "VERSION");

    assertThat(protocol.configurationEnvironment(CniRequests.request(protocol, caller, "{\"cniVersion\":\"9.9.9\"}")))
        .isEqualTo(caller);
  }

  @Test
  void anUnknownDatastoreTypeIsRefusedNamingTheField() {
    assertRefused(CniProtocol.plugin(dir.resolve("absent")), CniRequests.config("1.1.0", "\"datastore_type\":\"kubernetes\""),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"datastore_type must be sqlite, etcdv3 or consul, got 'kubernetes'\"}\n");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNamingTheField() {
    assertRefused(CniProtocol.plugin(dir.resolve("absent")), CniRequests.config("1.1.0", "\"mtu\":\"1500\""),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"mtu must be a whole number, got '1500'\"}\n");
    assertRefused(CniProtocol.plugin(dir.resolve("absent")), CniRequests.config("1.1.0", "\"etcd_endpoints\":[\"x\"]"),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"etcd_endpoints must be a string, got a list\"}\n");
  }

  @Test
  void theConsulTokenNeverAppearsInTheSentence() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty-token"), "\n");

    assertRefused(CniProtocol.plugin(dir.resolve("absent")),
        CniRequests.config("1.1.0", "\"consul_token_file\":\"" + empty + "\""),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"consul_token_file '" + empty + "' is empty\"}\n");
  }

  // Read before the request's deadline starts: /dev/zero was read until the heap ran out, a FIFO waited on for ever.
  @ParameterizedTest
  @ValueSource(strings = {"/dev/zero", "/", "fifo"})
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aConsulTokenFileThatIsNoRegularFileIsRefusedUnread(String name) throws Exception {
    String file = name.startsWith("/") ? name : dir.resolve(name).toString();
    if (name.equals("fifo")) {
      assertThat(new ProcessBuilder("mkfifo", file).start().waitFor()).isZero();
    }

    assertRefused(CniProtocol.plugin(dir.resolve("absent")),
        CniRequests.config("1.1.0", "\"consul_token_file\":\"" + file + "\""),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"consul_token_file '" + file + "' is not a regular file\"}\n");
  }

  @Test
  void aConsulTokenIsItsFilesFirstLineOfAtMost4096Bytes() throws Exception {
    Path longest = Files.writeString(dir.resolve("longest"), "b".repeat(4096) + "\nc");
    Path endless = Files.writeString(dir.resolve("endless"), "a".repeat(4097));

    assertThat(CalicoSettings.of(tokenFileConfig(longest))).containsEntry("CONSUL_HTTP_TOKEN", "b".repeat(4096));
    assertThatThrownBy(() -> CalicoSettings.of(tokenFileConfig(endless)))
        .hasMessage("consul_token_file '" + endless + "' has a first line longer than 4096 bytes");
  }

  private static ObjectNode tokenFileConfig(Path file) {
    return NetworkConfig.decode(CniRequests.config("1.1.0", "\"consul_token_file\":\"" + file + "\"")
        .getBytes(StandardCharsets.UTF_8)).root();
  }

  static void assertRefused(CniProtocol protocol, String config, String answer) {
    assertRefused(protocol, CniRequests.environment("ADD"), config, answer);
  }

  static void assertRefused(CniProtocol protocol, Map<String, String> environment, String config, String answer) {
    assertThatThrownBy(() -> protocol.configurationEnvironment(CniRequests.request(protocol, environment, config)))
        .isInstanceOfSatisfying(RequestRefusedException.class, refused -> {
          assertThat(refused.response().toString()).isEqualTo(answer);
          assertThat(refused.response().success()).isFalse();
        });
  }
}
