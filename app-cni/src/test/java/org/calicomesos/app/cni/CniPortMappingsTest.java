package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.app.cni.ConfigurationEnvironmentTest.assertRefused;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.endpoint.HostPortTakenException;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Port mappings from the {@code portMappings} capability and from Mesos' NetworkInfo, and their refusals. */
class CniPortMappingsTest {
  private static final PortMapping TCP_8080 = new PortMapping(8080, 80, TransportProtocol.TCP);
  private static final PortMapping UDP_5353 = new PortMapping(5353, 53, TransportProtocol.UDP);

  private final CniProtocol plugin = CniProtocol.plugin(Path.of("/nonexistent/calico-mesos"));

  @Test
  void theCapabilityIsReadWithTcpByDefaultAndEveryAddressSpelledAnyWay() {
    assertThat(portMappings(runtime("{\"hostPort\":8080,\"containerPort\":80},"
        + "{\"hostPort\":5353,\"containerPort\":53,\"protocol\":\"UDP\",\"hostIP\":\"0.0.0.0\"},"
        + "{\"hostPort\":9090,\"containerPort\":90,\"protocol\":\"sctp\",\"hostIP\":\"::\"},"
        + "{\"hostPort\":9091,\"containerPort\":91,\"hostIP\":\"\"}")))
        .containsExactly(TCP_8080, UDP_5353, new PortMapping(9090, 90, TransportProtocol.SCTP),
            new PortMapping(9091, 91, TransportProtocol.TCP));
  }

  @Test
  void mesosPortMappingsAreRead() {
    assertThat(portMappings(mesos("{\"host_port\":8080,\"container_port\":80,\"protocol\":\"tcp\"}")))
        .containsExactly(TCP_8080);
  }

  @Test
  void bothSourcesAreJoinedEachMappingOnce() {
    String config = CniRequests.config("0.2.0", runtimeField("{\"hostPort\":8080,\"containerPort\":80}") + ","
        + mesosField("{\"host_port\":8080,\"container_port\":80},"
        + "{\"host_port\":5353,\"container_port\":53,\"protocol\":\"udp\"}"));

    assertThat(portMappings(config)).containsExactly(TCP_8080, UDP_5353);
  }

  @Test
  void withoutEitherThereAreNone() {
    assertThat(portMappings(CniRequests.config("1.0.0", ""))).isEmpty();
  }

  @Test
  void theIpamPluginDoesNotReadThem() {
    CniRequest read = new CniRequestReader(true).read(CniRequests.environment("ADD"),
        runtime("{\"hostPort\":0}").getBytes(StandardCharsets.UTF_8));

    assertThat(((CniRequest.Add) read).portMappings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"hostPort\":0,\"containerPort\":80}|runtimeConfig.portMappings[0].hostPort must be a port, an integer from 1 to 65535, got 0",
      "{\"hostPort\":8080,\"containerPort\":65536}|runtimeConfig.portMappings[0].containerPort must be a port, an integer from 1 to 65535, got 65536",
      "{\"hostPort\":\"8080\",\"containerPort\":80}|runtimeConfig.portMappings[0].hostPort must be a port, an integer from 1 to 65535, got '8080'",
      "{\"hostPort\":80.5,\"containerPort\":80}|runtimeConfig.portMappings[0].hostPort must be a port, an integer from 1 to 65535, got 80.5",
      "{\"containerPort\":80}|runtimeConfig.portMappings[0].hostPort is missing",
      "{\"hostPort\":8080,\"containerPort\":80,\"protocol\":\"icmp\"}|runtimeConfig.portMappings[0].protocol must be tcp, udp or sctp, got 'icmp'",
      "{\"hostPort\":8080,\"containerPort\":80,\"hostIP\":\"10.0.0.1\"}|runtimeConfig.portMappings[0].hostIP '10.0.0.1' is not supported: calico-mesos maps a host port on every address of the host (leave hostIP out)",
      "{\"hostPort\":8080,\"containerPort\":80},{\"hostPort\":8080,\"containerPort\":81}|runtimeConfig.portMappings[1] maps host port tcp 8080 again: runtimeConfig.portMappings maps it to container port 80 already",
      "7|runtimeConfig.portMappings[0] must be an object, got a number"})
  void aBadCapabilityEntryIsCode7NamingItsField(String entries, String sentence) {
    assertRefused(plugin, runtime(entries), "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\""
        + sentence.replace("\"", "\\\"") + "\"}\n");
  }

  @Test
  void aBadMesosEntryIsCode7NamingItsField() {
    assertRefused(plugin, mesos("{\"host_port\":-1,\"container_port\":80}"), "{\"cniVersion\":\"1.0.0\",\"code\":7,"
        + "\"msg\":\"args.org.apache.mesos.network_info.port_mappings[0].host_port must be a port, an integer from 1 "
        + "to 65535, got -1\"}\n");
  }

  @Test
  void theTwoSourcesMappingOneHostPortToDifferentContainerPortsAreCode7() {
    String config = CniRequests.config("1.0.0", runtimeField("{\"hostPort\":8080,\"containerPort\":80}") + ","
        + mesosField("{\"host_port\":8080,\"container_port\":81}"));

    assertRefused(plugin, config, "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"args.org.apache.mesos.network_info"
        + ".port_mappings maps host port tcp 8080 to container port 81, but runtimeConfig.portMappings maps it to "
        + "80\"}\n");
  }

  @Test
  void aHostPortAnotherContainerHoldsIsItsOwnCode() {
    assertThat(CniFailures.codeOf(new HostPortTakenException(TCP_8080, "to container c2"), CniCommand.ADD))
        .isEqualTo(CniErrorCode.HOST_PORT_IN_USE);
    assertThat(CniErrorCode.HOST_PORT_IN_USE.code()).isEqualTo(106);
  }

  private static List<PortMapping> portMappings(String config) {
    CniRequest read = new CniRequestReader(false).read(CniRequests.environment("ADD"),
        config.getBytes(StandardCharsets.UTF_8));
    return ((CniRequest.Add) read).portMappings();
  }

  private static String runtime(String entries) {
    return CniRequests.config("1.0.0", runtimeField(entries));
  }

  private static String runtimeField(String entries) {
    return "\"runtimeConfig\":{\"portMappings\":[" + entries + "]}";
  }

  private static String mesos(String entries) {
    return CniRequests.config("1.0.0", mesosField(entries));
  }

  private static String mesosField(String entries) {
    return "\"args\":{\"org.apache.mesos\":{\"network_info\":{\"name\":\"net1\",\"port_mappings\":[" + entries + "]}}}";
  }
}
