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
 * The build's training run for the AppCDS archive (app-cli/pom.xml): every request path of the plugin,
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
