package org.calicomesos.app.fuzz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a CNI plugin may be handed: {@code CNI_*} variables that are right, missing or odd, beside network
 * configurations of CNI's shape with fields right or of any type (Mesos' metadata, a previous result, the GC list,
 * Calico's settings), in the {@link StdinMix}.
 */
final class CniInputs {
  private CniInputs() {}

  static Arbitrary<CniInput> requests() {
    return Combinators.combine(environment(), stdin()).as(CniInput::new);
  }

  static Arbitrary<Map<String, String>> environment() {
    List<Arbitrary<Tuple.Tuple2<String, String>>> variables = List.of(
        variable("CNI_COMMAND", Choices.weighted(Tuple.of(4, Arbitraries.just("ADD")),
            Tuple.of(3, Arbitraries.just("DEL")), Tuple.of(2, Arbitraries.just("CHECK")),
            Tuple.of(1, Arbitraries.of("GC", "STATUS", "VERSION", "add", " del ", "Check"))), 1),
        variable("CNI_CONTAINERID", Arbitraries.of("c1", "4f1c7b9e-1b8b-4a43-9a44-3b1b0b7b2f11", "a.b_c-d"), 1),
        variable("CNI_NETNS", Arbitraries.of("/var/run/netns/c1", "/proc/4242/ns/net", "/run/netns/cni-5e1b"), 1),
        variable("CNI_IFNAME", Arbitraries.of("eth0", "eth1", "net1"), 1),
        variable("CNI_ARGS", Arbitraries.of("", "IgnoreUnknown=1", "IP=192.168.0.9", "K8S_POD_NAMESPACE=default",
            "IgnoreUnknown=1;K8S_POD_NAME=x;IP=192.168.0.9,fd80:24e2:f998:72d6::9", "FOO=bar", "IP=10.0.0.5"), 8),
        variable("CNI_PATH", Arbitraries.just("/opt/cni/bin"), 2));
    return Combinators.combine(variables).as(pairs -> {
      Map<String, String> environment = new HashMap<>(InMemoryPlugin.HOST_ENVIRONMENT);
      pairs.stream().filter(pair -> pair.get2() != null).forEach(pair -> environment.put(pair.get1(), pair.get2()));
      return environment;
    });
  }

  static Arbitrary<byte[]> stdin() {
    return StdinMix.of(configurations(),
        "{\"cniVersion\":\"1.0.0\",\"name\":\"net1\",\"type\":\"calico-mesos\",\"x\":\"", "\"}");
  }

  static Arbitrary<String> configurations() {
    Arbitrary<String> version = Choices.weighted(
        Tuple.of(12, JsonText.strings("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0")),
        Tuple.of(1, JsonText.strings("0.9.0", "1.1", "v1.0.0", "1.0.0 ")));
    return JsonText.object(
        JsonText.member("cniVersion", version, 1),
        JsonText.member("cniVersions", JsonText.list(version, 3), 40),
        JsonText.member("name", TaskTexts.identifier("net1", "mesos-net", "my_net.2"), 1),
        JsonText.member("type", JsonText.strings("calico-mesos", "ptp"), 1),
        JsonText.member("ipam", ipam(), 12),
        JsonText.member("runtimeConfig",
            JsonText.object(JsonText.member("ips", JsonText.list(AddressTexts.withPrefix(), 2))), 24),
        JsonText.member("args", args(), 18),
        JsonText.member("prevResult", previousResult(), 24),
        JsonText.member("cni.dev/valid-attachments", JsonText.list(JsonText.object(
            JsonText.member("containerID", TaskTexts.identifier("c1", "c2")),
            JsonText.member("ifname", TaskTexts.identifier("eth0", "eth1"))), 3), 24),
        setting("datastore_type", JsonText.strings("sqlite", "etcdv3", "consul", "memory", "etcd")),
        setting("sqlite_path", JsonText.strings("/var/lib/calico-mesos/store.db", "relative.db")),
        setting("etcd_endpoints", JsonText.strings("http://127.0.0.1:2379",
            "https://10.0.0.1:2379,https://10.0.0.2:2379", "ftp://x")),
        setting("consul_address", JsonText.strings("127.0.0.1:8500", "http://[::1]:8500")),
        setting("consul_token_file",
            JsonText.strings("/etc/hostname", "/dev/null", "/dev/zero", "/nonexistent/token", "/")),
        setting("nodename", TaskTexts.identifier("testnode", "other-node")),
        setting("mtu", JsonText.number(0, 9001)),
        setting("log_level", JsonText.strings("debug", "info", "warning", "error", "loud")),
        setting("log_file", JsonText.strings("/var/log/calico-mesos/cni.log", "relative.log")),
        setting("agent_socket", JsonText.strings("/var/run/calico-mesos/agent.sock")));
  }

  private static Arbitrary<String> ipam() {
    Arbitrary<String> flag = Arbitraries.of("true", "false", "\"true\"", "\"false\"", "\"no\"", "1");
    return JsonText.object(
        JsonText.member("type", JsonText.strings("calico-mesos-ipam", "host-local")),
        JsonText.member("assign_ipv4", flag, 24),
        JsonText.member("assign_ipv6", flag, 24),
        JsonText.member("ipv4_pools", JsonText.list(AddressTexts.pool(), 2), 24),
        JsonText.member("ipv6_pools", JsonText.list(AddressTexts.pool(), 2), 30));
  }

  // Where Mesos' network/cni isolator puts the task's NetworkInfo, and where other runtimes put labels.
  private static Arbitrary<String> args() {
    Arbitrary<String> networkInfo = JsonText.object(
        JsonText.member("name", TaskTexts.identifier("net1")),
        JsonText.member("groups", TaskTexts.netgroups(), 18),
        JsonText.member("labels", JsonText.object(JsonText.member("labels", TaskTexts.labels()))));
    return JsonText.object(
        JsonText.member("org.apache.mesos", JsonText.object(JsonText.member("network_info", networkInfo))),
        JsonText.member("cni", JsonText.object(JsonText.member("labels", TaskTexts.labels())), 30));
  }

  // Both result forms: 0.3.0 and later (ips) and 0.1.0/0.2.0 (ip4, ip6).
  private static Arbitrary<String> previousResult() {
    return JsonText.object(
        JsonText.member("cniVersion", JsonText.strings("0.2.0", "1.0.0")),
        JsonText.member("ips", JsonText.list(JsonText.object(
            JsonText.member("address", AddressTexts.withPrefix()),
            JsonText.member("interface", JsonText.number(0, 2), 18)), 2), 4),
        JsonText.member("ip4", JsonText.object(JsonText.member("ip", AddressTexts.withPrefix())), 30),
        JsonText.member("ip6", JsonText.object(JsonText.member("ip", AddressTexts.withPrefix())), 36));
  }

  // Calico's settings in the network configuration are rare: most networks leave them to the host.
  private static Arbitrary<String> setting(String field, Arbitrary<String> right) {
    return JsonText.member(field, right, 200);
  }

  /** A right value mostly; else unset (null) or an odd string. */
  private static Arbitrary<Tuple.Tuple2<String, String>> variable(String name, Arbitrary<String> right, int unset) {
    return Choices.weighted(
        Tuple.of(unset, Arbitraries.just((String) null)),
        Tuple.of(24, right),
        Tuple.of(2, OddStrings.any()))
        .map(value -> Tuple.of(name, value));
  }
}
