package org.calicomesos.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.SpokenProtocols;

/**
 * The build's training run for the AppCDS archive (app-cli/pom.xml): every request path of the plugin, in both
 * protocols,
 * through the real entry point, in one JVM, so the archive holds the classes and lambdas each of them
 * loads rather than only those of a first-ever allocate. Its answers do not matter.
 *
 * <p>usage: {@code java -XX:ArchiveClassesAtExit=... -cp calico-mesos.jar
 * org.calicomesos.app.ClassDataTraining WORK_DIR [cluster]}: with {@code cluster}, also the etcd and Consul
 * clients, for the archive the launcher uses when one of those is the datastore (the embedded store's
 * archive stays without them: a bigger archive costs every request to map).
 */
public final class ClassDataTraining {
  private static final List<String> REQUESTS = List.of(
      "{\"command\":\"allocate\",\"args\":{\"hostname\":\"t\",\"uid\":\"t1\",\"num_ipv4\":1,\"num_ipv6\":1,"
          + "\"netgroups\":[\"g\"],\"labels\":[{\"key\":\"app\",\"value\":\"t\"},{\"key\":\"v\"}]}}",
      "{\"command\":\"allocate\",\"args\":{\"hostname\":\"t\",\"uid\":\"t2\",\"num_ipv4\":2,\"num_ipv6\":0}}",
      "{\"command\":\"reserve\",\"args\":{\"hostname\":\"t\",\"uid\":\"t3\",\"ipv4_addrs\":[\"192.168.255.250\"]}}",
      "{\"command\":\"reserve\",\"args\":{\"hostname\":\"t\",\"uid\":\"t4\",\"ipv4_addrs\":[\"192.168.255.250\"]}}",
      "{\"command\":\"release\",\"args\":{\"ips\":[\"192.168.255.250\"]}}",
      "{\"command\":\"release\",\"args\":{\"uid\":\"t1\"}}",
      "{\"command\":\"isolate\",\"args\":{\"hostname\":\"t\",\"container_id\":\"c\",\"pid\":1,\"ipv4_addrs\":[\"192.168.0.1\"]}}",
      "{\"command\":\"allocate\",\"args\":{\"hostname\":\"t\",\"num_ipv4\":-1}}",
      "not json");
  // CNI verbs, each with its network configuration; ADD into pid 1's namespace is refused after its addresses
  // are taken, so it also runs the undo. CNI_COMMAND first, then stdin.
  private static final String CNI_CONFIG = "{\"cniVersion\":\"%s\",\"name\":\"cds\",\"type\":\"calico-mesos\","
      + "\"args\":{\"org.apache.mesos\":{\"network_info\":{\"name\":\"cds\",\"groups\":[\"g\"],"
      + "\"labels\":{\"labels\":[{\"key\":\"app\",\"value\":\"t\"}]}}}}}";
  private static final List<List<String>> CNI_REQUESTS = List.of(
      List.of("VERSION", "{\"cniVersion\":\"1.1.0\"}"),
      List.of("ADD", CNI_CONFIG.formatted("0.2.0")),
      List.of("ADD", CNI_CONFIG.formatted("1.0.0")),
      List.of("CHECK", CNI_CONFIG.formatted("1.1.0")),
      List.of("STATUS", CNI_CONFIG.formatted("1.1.0")),
      List.of("DEL", CNI_CONFIG.formatted("0.2.0")),
      List.of("DEL", "not json"));

  private ClassDataTraining() {}

  public static void main(String[] args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("CALICO_DATASTORE", "sqlite");
    env.put("CALICO_SQLITE_PATH", args[0] + "/store.db");
    env.put("CALICO_LOG_FILE", args[0] + "/isolator.log");
    env.put("CALICO_NODENAME", "cds-training");
    for (String request : REQUESTS) {
      PluginProcess.run(SpokenProtocols.NET_MODULES, new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
          System.err, env, ConfigurationReader.forThisMachine());
    }
    for (List<String> request : CNI_REQUESTS) {
      Map<String, String> cni = new HashMap<>(env);
      cni.putAll(Map.of("CNI_COMMAND", request.get(0), "CNI_CONTAINERID", "cds", "CNI_NETNS", "/proc/1/ns/net",
          "CNI_IFNAME", "eth0", "CNI_PATH", "/nonexistent"));
      PluginProcess.run(SpokenProtocols.CNI, new ByteArrayInputStream(request.get(1).getBytes(StandardCharsets.UTF_8)),
          new ByteArrayOutputStream(), System.err, cni, ConfigurationReader.forThisMachine());
    }
    if (args.length < 2 || !args[1].equals("cluster")) {
      return;
    }
    // The etcd and Consul clients, as far as they go without a server (set-up, channel, a refused
    // connection): the build needs neither server, and the archive still holds the client classes every
    // request on them would otherwise load from the jars.
    againstNothing(env, "etcd", "ETCD_ENDPOINTS", "http://127.0.0.1:" + closedPort());
    againstNothing(env, "consul", "CONSUL_HTTP_ADDR", "127.0.0.1:" + closedPort());
  }

  private static void againstNothing(Map<String, String> env, String datastore, String variable, String address) {
    Map<String, String> settings = new HashMap<>(env);
    settings.put("CALICO_DATASTORE", datastore);
    settings.put(variable, address);
    PluginProcess.run(SpokenProtocols.NET_MODULES, new ByteArrayInputStream(REQUESTS.get(1).getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), System.err, settings, ConfigurationReader.forThisMachine());
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      return 1;
    }
  }
}
