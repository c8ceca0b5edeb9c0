package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cni-config}: a CNI network configuration from the environment's settings, without a datastore. */
class CniConfigCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SQLITE = Map.of("CALICO_NODENAME", "agent-1");

  @TempDir Path dir;

  @Test
  void by_default_it_is_a_conflist_whose_first_plugin_is_ours_on_the_embedded_store() throws Exception {
    AdminRun run = AdminRun.withEnvironment(SQLITE, "cni-config");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.servicesBuilt()).isZero();
    assertThat(run.out()).startsWith("{\n  \"cniVersion\"").endsWith("}\n");
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("""
        {
          "cniVersion": "1.0.0",
          "cniVersions": ["0.4.0", "1.0.0", "1.1.0"],
          "name": "calico-mesos",
          "plugins": [{
            "type": "calico-mesos",
            "datastore_type": "sqlite",
            "sqlite_path": "/var/lib/calico-mesos/store.db",
            "nodename": "agent-1",
            "ipam": {"type": "calico-mesos-ipam", "assign_ipv4": true, "assign_ipv6": false}
          }]
        }
        """));
  }

  @Test
  void for_mesos_it_is_one_plugin_in_version_0_2_0() throws Exception {
    AdminRun run = AdminRun.withEnvironment(SQLITE, "cni-config", "--mesos", "--network", "prod-net");

    assertThat(run.status()).isZero();
    JsonNode config = JSON.readTree(run.out());
    assertThat(config.get("cniVersion").asText()).isEqualTo("0.2.0");
    assertThat(config.has("plugins")).isFalse();
    assertThat(config.has("cniVersions")).isFalse();
    assertThat(config.get("name").asText()).isEqualTo("prod-net");
    assertThat(config.get("type").asText()).isEqualTo("calico-mesos");
    assertThat(config.get("datastore_type").asText()).isEqualTo("sqlite");
    assertThat(config.at("/ipam/type").asText()).isEqualTo("calico-mesos-ipam");
  }

  @Test
  void etcd_settings_go_under_calicos_names() throws Exception {
    AdminRun run = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1",
        "ETCD_ENDPOINTS", "https://10.0.0.1:2379,https://10.0.0.2:2379", "ETCD_CA_CERT_FILE", "/etc/etcd/ca.pem",
        "ETCD_CERT_FILE", "/etc/etcd/client.pem", "ETCD_KEY_FILE", "/etc/etcd/client-key.pem", "CALICO_MTU", "1450",
        "CALICO_LOG_LEVEL", "WARN", "CALICO_LOG_FILE", "/var/log/calico/cni.log",
        "CALICO_AGENT_SOCKET", "/run/calico-mesos/agent.sock"), "cni-config");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(JSON.readTree(run.out()).at("/plugins/0")).isEqualTo(JSON.readTree("""
        {
          "type": "calico-mesos",
          "datastore_type": "etcdv3",
          "etcd_endpoints": "https://10.0.0.1:2379,https://10.0.0.2:2379",
          "etcd_key_file": "/etc/etcd/client-key.pem",
          "etcd_cert_file": "/etc/etcd/client.pem",
          "etcd_ca_cert_file": "/etc/etcd/ca.pem",
          "nodename": "agent-1",
          "mtu": 1450,
          "log_level": "warning",
          "log_file": "/var/log/calico/cni.log",
          "agent_socket": "/run/calico-mesos/agent.sock",
          "ipam": {"type": "calico-mesos-ipam", "assign_ipv4": true, "assign_ipv6": false}
        }
        """));
  }

  @Test
  void the_legacy_etcd_authority_becomes_an_endpoint_and_credentials_stay_out() throws Exception {
    AdminRun run = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1", "ETCD_AUTHORITY", "10.0.0.1:2379",
        "ETCD_USERNAME", "calico", "ETCD_PASSWORD", "s3cret-etcd"), "cni-config");

    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.out()).at("/plugins/0/etcd_endpoints").asText()).isEqualTo("http://10.0.0.1:2379");
    assertThat(run.out()).doesNotContain("s3cret-etcd").doesNotContain("calico\"");
    assertThat(run.err().lines()).containsExactly("warning: ETCD_USERNAME and ETCD_PASSWORD are not written (no secrets"
        + " in a network config); the plugin reads it from the runtime's environment or /etc/default/calico-mesos");
  }

  @Test
  void a_consul_token_is_never_printed_only_its_file() throws Exception {
    AdminRun run = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1", "CONSUL_HTTP_ADDR", "10.0.0.5:8500",
        "CONSUL_HTTP_TOKEN", "0b1d-secret-token"), "cni-config", "--mesos");

    assertThat(run.status()).isZero();
    JsonNode config = JSON.readTree(run.out());
    assertThat(config.get("datastore_type").asText()).isEqualTo("consul");
    assertThat(config.get("consul_address").asText()).isEqualTo("10.0.0.5:8500");
    assertThat(config.has("consul_token_file")).isFalse();
    assertThat(run.out()).doesNotContain("0b1d-secret-token");
    assertThat(run.err()).doesNotContain("0b1d-secret-token");
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("warning: CONSUL_HTTP_TOKEN is not written (no secrets in a network config)");

    AdminRun withFile = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1", "CALICO_DATASTORE", "consul",
        "CONSUL_HTTP_TOKEN", "0b1d-secret-token", "CONSUL_HTTP_TOKEN_FILE", "/etc/calico-mesos/consul.token"),
        "cni-config", "--mesos");

    assertThat(withFile.status()).isZero();
    assertThat(withFile.err()).isEmpty();
    JsonNode fileConfig = JSON.readTree(withFile.out());
    assertThat(fileConfig.get("consul_address").asText()).isEqualTo("127.0.0.1:8500");
    assertThat(fileConfig.get("consul_token_file").asText()).isEqualTo("/etc/calico-mesos/consul.token");
    assertThat(withFile.out()).doesNotContain("0b1d-secret-token");
  }

  @Test
  void pools_go_to_their_familys_list_and_ipv6_is_asked_for() throws Exception {
    AdminRun run = AdminRun.withEnvironment(SQLITE, "cni-config", "--ipv6", "--pool", "10.1.0.0/16",
        "--pool", "fd00:c0de::/64", "--pool", "10.2.0.0/16");

    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.out()).at("/plugins/0/ipam")).isEqualTo(JSON.readTree("""
        {"type": "calico-mesos-ipam", "assign_ipv4": true, "assign_ipv6": true,
         "ipv4_pools": ["10.1.0.0/16", "10.2.0.0/16"], "ipv6_pools": ["fd00:c0de::/64"]}
        """));
  }

  @Test
  void a_configuration_the_reader_refuses_fails_with_its_sentence() {
    AdminRun run = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1", "CALICO_MTU", "9"), "cni-config");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString().startsWith("error: CALICO_MTU");
  }

  @Test
  void the_memory_store_cannot_back_a_network() {
    AdminRun run = AdminRun.withEnvironment(Map.of("CALICO_NODENAME", "agent-1", "CALICO_DATASTORE", "memory"),
        "cni-config");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: CALICO_DATASTORE=memory lives and dies with one process, so no CNI network"
        + " can use it; choose sqlite, etcd or consul\n");
  }

  record Misuse(String message, String... args) {}

  static Stream<Misuse> misuses() {
    String rule = "may hold only letters, digits, '_', '.' and '-', starting with a letter or digit";
    return Stream.of(
        new Misuse("error: network name 'a/b' " + rule, "--network", "a/b"),
        new Misuse("error: network name '-net' " + rule, "--network=-net"),
        new Misuse("error: network name 'web net' " + rule, "--network", "web net"),
        new Misuse("error: network name is missing", "--network", ""),
        new Misuse("error: network name is longer than 128 characters", "--network", "n".repeat(129)),
        new Misuse("error: --network 'web' is given twice", "--network", "web", "--network", "web", "--output-dir", "/x"),
        new Misuse("error: --network is given 2 times; several networks need --output-dir (one file each)",
            "--network", "web", "--network", "db"),
        new Misuse("error: --pool '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?", "--pool", "10.0.0.1/16"),
        new Misuse("error: --pool 'fd00::/64' is an IPv6 pool; add --ipv6 to assign IPv6 addresses", "--pool", "fd00::/64"),
        new Misuse("error: --force applies only with --output-dir", "--force"),
        new Misuse("error: unknown options: '--output', 'json'; did you mean --output-dir?", "--output", "json"));
  }

  @ParameterizedTest
  @MethodSource("misuses")
  void a_bad_argument_is_a_usage_error_in_one_line(Misuse misuse) {
    String[] args = Stream.concat(Stream.of("cni-config"), Stream.of(misuse.args())).toArray(String[]::new);

    AdminRun run = AdminRun.withEnvironment(SQLITE, args);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(misuse.message(), "Try 'calico-mesos cni-config --help' for more information.");
  }

  @Test
  void output_dir_writes_one_file_per_network_readable_by_all() throws Exception {
    Path target = dir.resolve("net.d");

    AdminRun run = AdminRun.withEnvironment(SQLITE, "cni-config", "--network", "web", "--network", "db",
        "--output-dir", target.toString());

    assertThat(run.status()).isZero();
    assertThat(run.out().lines()).containsExactly("wrote " + target.resolve("web.conflist"),
        "wrote " + target.resolve("db.conflist"));
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("web.conflist", "db.conflist");
    }
    for (String name : new String[] {"web", "db"}) {
      Path file = target.resolve(name + ".conflist");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
      assertThat(JSON.readTree(file.toFile()).get("name").asText()).isEqualTo(name);
    }
  }

  @Test
  void output_dir_for_mesos_writes_conf_files() throws Exception {
    AdminRun run = AdminRun.withEnvironment(SQLITE, "cni-config", "--mesos", "--output-dir", dir.toString());

    assertThat(run.status()).isZero();
    Path file = dir.resolve("calico-mesos.conf");
    assertThat(run.out()).isEqualTo("wrote " + file + "\n");
    assertThat(JSON.readTree(file.toFile()).get("cniVersion").asText()).isEqualTo("0.2.0");
  }

  @Test
  void output_dir_refuses_to_overwrite_and_writes_nothing_unless_forced() throws Exception {
    Files.writeString(dir.resolve("db.conflist"), "operator's own\n");

    AdminRun refused = AdminRun.withEnvironment(SQLITE, "cni-config", "--network", "web", "--network", "db",
        "--output-dir", dir.toString());

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).isEqualTo("error: " + dir.resolve("db.conflist")
        + " already exists; add --force to replace it (nothing was written)\n");
    assertThat(Files.readString(dir.resolve("db.conflist"))).isEqualTo("operator's own\n");
    assertThat(dir.resolve("web.conflist")).doesNotExist();

    AdminRun forced = AdminRun.withEnvironment(SQLITE, "cni-config", "--network", "web", "--network", "db",
        "--output-dir", dir.toString(), "--force");

    assertThat(forced.status()).isZero();
    assertThat(JSON.readTree(dir.resolve("db.conflist").toFile()).get("name").asText()).isEqualTo("db");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("web.conflist", "db.conflist");
    }
  }
}
