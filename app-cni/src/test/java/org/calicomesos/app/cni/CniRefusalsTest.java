package org.calicomesos.app.cni;

import static org.calicomesos.app.cni.ConfigurationEnvironmentTest.assertRefused;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request refused before anything runs: the code, the version and the sentence it answers with. */
class CniRefusalsTest {
  private final CniProtocol plugin = CniProtocol.plugin(Path.of("/nonexistent/calico-mesos"));

  @Test
  void jsonThatDoesNotDecodeIsCode6InTheLatestVersion() {
    assertRefused(plugin, "{\"cniVersion\":", "{\"cniVersion\":\"1.1.0\",\"code\":6,\"msg\":\"request is not valid JSON: "
        + "Unexpected end-of-input within/between Object entries\"}\n");
    assertRefused(plugin, "[1]",
        "{\"cniVersion\":\"1.1.0\",\"code\":6,\"msg\":\"the network configuration must be a JSON object, not a list\"}\n");
  }

  @Test
  void aNumberNoDecimalHoldsIsCode6() {
    assertRefused(plugin, CniRequests.config("1.0.0", "\"mtu\":1e2147483648"), "{\"cniVersion\":\"1.1.0\",\"code\":6,"
        + "\"msg\":\"request is not valid JSON: Value \\\"1e2147483648\\\" can not be deserialized as `java.math.BigDecimal`, "
        + "reason: Exponent overflow.\"}\n");
  }

  @Test
  void anUnsupportedVersionIsCode1() {
    assertRefused(plugin, CniRequests.config("0.9.0", ""), "{\"cniVersion\":\"1.1.0\",\"code\":1,\"msg\":\"incompatible "
        + "CNI version '0.9.0'; this plugin supports 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0\"}\n");
  }

  @Test
  void checkBeforeVersion040AndGcBefore110AreCode1() {
    assertRefused(plugin, CniRequests.environment("CHECK"), CniRequests.config("0.3.1", ""),
        "{\"cniVersion\":\"0.3.1\",\"code\":1,\"msg\":\"incompatible CNI version: CHECK needs cniVersion 0.4.0 or "
            + "later, the network configuration says 0.3.1\"}\n");
    assertRefused(plugin, CniRequests.environment("GC"), CniRequests.config("1.0.0", ""),
        "{\"cniVersion\":\"1.0.0\",\"code\":1,\"msg\":\"incompatible CNI version: GC needs cniVersion 1.1.0 or "
            + "later, the network configuration says 1.0.0\"}\n");
  }

  @Test
  void aConfigurationWithoutNameOrTypeIsCode7() {
    assertRefused(plugin, "{\"cniVersion\":\"0.4.0\",\"type\":\"calico-mesos\"}",
        "{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"the network configuration has no name\"}\n");
    assertRefused(plugin, "{\"cniVersion\":\"0.4.0\",\"name\":\"net1\"}",
        "{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"the network configuration has no type\"}\n");
    assertRefused(plugin, "{\"cniVersion\":\"0.4.0\",\"name\":\"../etc\",\"type\":\"x\"}",
        "{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"network name '../etc' may hold only letters, digits, '_', "
            + "'.' and '-', starting with a letter or digit\"}\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CNI_CONTAINERID=../../etc", "CNI_CONTAINERID=a b", "CNI_IFNAME=eth0;reboot",
      "CNI_IFNAME=averyveryverylongname", "CNI_NETNS=/proc/1/../../etc/passwd", "CNI_NETNS=relative/path",
      "CNI_COMMAND=DESTROY", "CNI_ARGS=IP", "CNI_ARGS=FOO=bar"})
  void hostileOrBadVariablesAreCode4(String variable) {
    String[] pair = variable.split("=", 2);

    assertRefusedWithCode(CniRequests.environment("ADD", pair[0], pair[1]), 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CNI_CONTAINERID", "CNI_IFNAME", "CNI_NETNS", "CNI_COMMAND"})
  void aMissingVariableIsCode4NamingIt(String variable) {
    assertRefused(plugin, CniRequests.environment("ADD", variable, null), CniRequests.config("1.0.0", ""),
        "{\"cniVersion\":\"1.0.0\",\"code\":4,\"msg\":\"" + variable + " is not set\"}\n");
  }

  @Test
  void badStaticAddressesAreCode7NamingWhereTheyCameFrom() {
    assertRefused(plugin, CniRequests.environment("ADD", "CNI_ARGS", "IP=10.0.0.300"), CniRequests.config("1.0.0", ""),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"CNI_ARGS IP '10.0.0.300' is not an IP address\"}\n");
    assertRefused(plugin, CniRequests.config("1.0.0", "\"runtimeConfig\":{\"ips\":[\"10.0.0.5/40\"]}"),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"runtimeConfig.ips '10.0.0.5/40' has an invalid prefix length\"}\n");
    assertRefused(plugin, CniRequests.config("1.0.0", mesosLabels("{\"key\":\"ipv4_addrs\",\"value\":\"10.0.0.5\"}")),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"label ipv4_addrs must be a list of quoted IPv4 addresses such as "
            + "[\\\"10.0.0.5\\\"], got '10.0.0.5'\"}\n");
  }

  @Test
  void aPoolOfTheWrongFamilyOrABadPoolLabelIsCode7() {
    assertRefused(plugin, CniRequests.config("1.0.0", "\"ipam\":{\"ipv4_pools\":[\"fd00::/64\"]}"),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"ipam.ipv4_pools holds 'fd00::/64', which is not IPv4\"}\n");
    assertRefused(plugin, CniRequests.config("1.0.0", mesosLabels("{\"key\":\"calico-mesos.pool\",\"value\":\"10.0.0.1/8\"}")),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"label calico-mesos.pool '10.0.0.1/8' has host bits set; did you "
            + "mean 10.0.0.0/8?\"}\n");
  }

  @Test
  void aNetworkThatAssignsNothingIsCode7() {
    assertRefused(plugin, CniRequests.config("1.0.0", "\"ipam\":{\"assign_ipv4\":\"false\"}"),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"the network assigns no addresses: assign_ipv4 and assign_ipv6 "
            + "are both false\"}\n");
    assertRefused(plugin, CniRequests.config("1.0.0", "\"ipam\":{\"assign_ipv4\":\"no\"}"),
        "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"ipam.assign_ipv4 must be true or false, got 'no'\"}\n");
  }

  @Test
  void gcWithoutValidAttachmentsIsRefused() {
    assertRefused(plugin, CniRequests.environment("GC"), CniRequests.config("1.1.0", ""),
        "{\"cniVersion\":\"1.1.0\",\"code\":7,\"msg\":\"GC needs cni.dev/valid-attachments, the attachments that stay\"}\n");
  }

  @Test
  void theIpamPluginNeedsNoNamespaceButTheMainPluginDoes() {
    CniProtocol ipam = CniProtocol.ipam(Path.of("/nonexistent"));

    ipam.configurationEnvironment(CniRequests.request(ipam, CniRequests.environment("ADD", "CNI_NETNS", null),
        CniRequests.config("0.3.1", "")));
    assertRefused(plugin, CniRequests.environment("ADD", "CNI_NETNS", null), CniRequests.config("0.3.1", ""),
        "{\"cniVersion\":\"0.3.1\",\"code\":4,\"msg\":\"CNI_NETNS is not set\"}\n");
  }

  static String mesosLabels(String labels) {
    return "\"args\":{\"org.apache.mesos\":{\"network_info\":{\"name\":\"net1\",\"labels\":{\"labels\":[" + labels
        + "]}}}}";
  }

  private void assertRefusedWithCode(java.util.Map<String, String> environment, int code) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> plugin.configurationEnvironment(
            CniRequests.request(plugin, environment, CniRequests.config("1.0.0", ""))))
        .isInstanceOfSatisfying(org.calicomesos.app.pipeline.RequestRefusedException.class, refused ->
            org.assertj.core.api.Assertions.assertThat(refused.response().toString())
                .startsWith("{\"cniVersion\":\"1.0.0\",\"code\":" + code + ",\"msg\":\""));
  }
}
