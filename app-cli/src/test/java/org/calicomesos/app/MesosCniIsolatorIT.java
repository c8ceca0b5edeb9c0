package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plugin driven as Mesos' network/cni isolator drives it, on SQLite and etcd: an environment of exactly
 * CNI_COMMAND, CNI_CONTAINERID, CNI_PATH, CNI_IFNAME, CNI_NETNS and PATH (no CALICO_ variable: every setting is in
 * the operator's .conf), stdin opened on the .conf file into which the isolator injected the task's network_info, a
 * namespace bind-mounted at {@code <root>/<container id>/ns}, a 0.2.0 result; then, once the namespace is gone, a
 * DEL from the same file without CNI_NETNS.
 */
class MesosCniIsolatorIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NETWORK = "net1";
  private static final String POOL = "198.18.62.0/24";

  @TempDir Path dir;

  private CniHost host;
  private final List<AutoCloseable> mounts = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    // The bind mounts first: the temporary directory under them cannot go while they hold it.
    mounts.add(host);
    Teardown.inOrder(mounts.toArray(AutoCloseable[]::new));
  }

  @ParameterizedTest(name = "{0}, {1} container")
  @CsvSource({"sqlite, top-level", "sqlite, nested", "etcd, top-level", "etcd, nested"})
  void add_answers_in_0_2_0_records_the_task_and_del_after_the_namespace_went_frees_everything(String datastore,
      String kind) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    // Mesos names a nested container <parent>.<child>.
    String containerId = kind.equals("nested")
        ? UUID.randomUUID() + "." + UUID.randomUUID()
        : UUID.randomUUID().toString();
    NetnsContainer container = host.container();
    Path netns = bindMountedNamespace(containerId, container);
    Path conf = isolatorConf(containerId);

    CniCall.Result added = isolator("ADD", containerId).netns(netns).withConfigFile(conf);

    assertThat(added.status()).as("ADD: %s", added).isZero();
    JsonNode result = added.json();
    assertThat(result.get("cniVersion").asText()).isEqualTo("0.2.0");
    assertThat(result.has("ips")).as("a 0.2.0 result has ip4, not ips: %s", result).isFalse();
    String cidr = result.get("ip4").get("ip").asText();
    assertThat(Addresses.parseCidr("pool", POOL).contains(CniHost.addressOf(cidr))).as(cidr).isTrue();
    assertThat(result.get("ip4").get("gateway").asText()).isEqualTo("169.254.1.1");
    assertThat(CniHost.addressesInside(container, "eth0")).containsExactly(cidr);
    JsonNode endpoint = host.admin("endpoint", "show", containerId).get("endpoints").get(0);
    assertThat(endpoint.get("container_id").asText()).isEqualTo(containerId);
    assertThat(endpoint.get("ipv4_nets").get(0).asText()).isEqualTo(cidr);
    assertThat(endpoint.get("labels").get("app").asText()).as("labels %s", endpoint.get("labels")).isEqualTo("web");
    List<String> profiles = new ArrayList<>();
    endpoint.get("profiles").forEach(profile -> profiles.add(profile.asText()));
    assertThat(profiles).contains("prod").doesNotContain(NETWORK);
    assertThat(host.addressesInUse()).isEqualTo(1);

    // Mesos destroys the container, and with it the namespace, before it asks the plugin to DEL.
    Teardown.inOrder(mounts.toArray(AutoCloseable[]::new));
    mounts.clear();
    container.close();
    CniCall.Result deleted = isolator("DEL", containerId).withConfigFile(conf);

    assertThat(deleted.status()).as("DEL: %s", deleted).isZero();
    assertThat(deleted.stdout()).as("DEL prints nothing on success").isBlank();
    host.assertNothingHeld();
  }

  /** The variables Mesos sets, and nothing else (no CNI_ARGS, no CALICO_*). */
  private CniCall isolator(String command, String containerId) {
    return CniCall.of(host.plugin(), command).containerId(containerId).path(host.cniPath()).ifname("eth0");
  }

  /** {@code <root>/<container id>/ns}: the container's namespace bind-mounted where the isolator keeps it. */
  private Path bindMountedNamespace(String containerId, NetnsContainer container) throws Exception {
    Path ns = Files.createDirectories(dir.resolve("isolators/network/cni").resolve(containerId)).resolve("ns");
    Files.createFile(ns);
    KernelCommand.run("mount", "--bind", CniHost.netns(container).toString(), ns.toString());
    mounts.add(() -> KernelCommand.attempt("umount", ns.toString()));
    return ns;
  }

  /**
   * The operator's .conf (cniVersion 0.2.0, settings under Calico's names) with the isolator's injected args: the
   * task's network name, netgroup and labels. The isolator writes it beside the namespace and opens stdin on it.
   */
  private Path isolatorConf(String containerId) throws Exception {
    ObjectNode conf = host.network(NETWORK, "0.2.0", host.mainPlugin());
    conf.set("args", JSON.readTree("{\"org.apache.mesos\":{\"network_info\":{\"name\":\"" + NETWORK
        + "\",\"groups\":[\"prod\"],\"labels\":{\"labels\":[{\"key\":\"app\",\"value\":\"web\"}]}}}}"));
    Path file = Files.createDirectories(dir.resolve("isolators/network/cni").resolve(containerId).resolve(NETWORK))
        .resolve("network.conf");
    Files.writeString(file, conf.toString(), StandardCharsets.UTF_8);
    return file;
  }
}
