package org.calicomesos.app.agent.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.calicomesos.app.plugin.NetModulesEndpoint;
import org.junit.jupiter.api.Test;

/** What bin/calico-mesos sends (`printf header; env -0; printf '\0'; request`) is read back exactly. */
class AgentWireTest {
  private static final String REQUEST = "{\"command\":\"allocate\",\"args\":{\"uid\":\"u1\"}}\n\n";

  @Test
  void aPluginFrameCarriesTheConfigurationVariablesAndTheRequestBytesUnchanged() throws Exception {
    AgentFrame frame = AgentWire.read(frame("calico-mesos/1 plugin\n",
        "PATH=/usr/bin", "CALICO_DATASTORE=etcd", "ETCD_ENDPOINTS=http://a:2379,http://b:2379",
        "CONSUL_HTTP_TOKEN=t=o=k", "CALICO_LOG_FILE=/var/log/x y.log", "HOME=/root", "MULTI=a\nb",
        "CALICO_EMPTY=")
        .body(REQUEST));

    AgentFrame.Plugin plugin = (AgentFrame.Plugin) frame;
    assertThat(plugin.environment()).isEqualTo(Map.of(
        "CALICO_DATASTORE", "etcd",
        "ETCD_ENDPOINTS", "http://a:2379,http://b:2379",
        "CONSUL_HTTP_TOKEN", "t=o=k",
        "CALICO_LOG_FILE", "/var/log/x y.log",
        "CALICO_EMPTY", ""));
    assertThat(new String(plugin.request(), StandardCharsets.UTF_8)).isEqualTo(REQUEST);
    assertThat(plugin.refused()).isNull();
  }

  @Test
  void anEmptyEnvironmentAndAnEmptyRequestAreAFrameToo() throws Exception {
    AgentFrame.Plugin plugin = (AgentFrame.Plugin) AgentWire.read(frame("calico-mesos/1 plugin\n").body(""));

    assertThat(plugin.environment()).isEmpty();
    assertThat(plugin.request()).isEmpty();
  }

  @Test
  void aRequestOverTheLimitIsRefusedAsThePluginRefusesIt() throws Exception {
    char[] big = new char[NetModulesEndpoint.MAX_REQUEST_BYTES + 1];
    Arrays.fill(big, ' ');

    AgentFrame.Plugin plugin = (AgentFrame.Plugin) AgentWire.read(frame("calico-mesos/1 plugin\n").body(new String(big)));

    assertThat(plugin.request()).isNull();
    assertThat(plugin.refused()).isEqualTo("request is larger than " + NetModulesEndpoint.MAX_REQUEST_BYTES + " bytes");
  }

  @Test
  void theStatusVerbNeedsNothingMore() throws Exception {
    assertThat(AgentWire.read(new ByteArrayInputStream(AgentWire.header(AgentWire.STATUS))))
        .isInstanceOf(AgentFrame.Status.class);
  }

  @Test
  void anythingElseIsMalformed() {
    assertThatThrownBy(() -> AgentWire.read(bytes("{\"command\":\"allocate\"}")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("header line");
    assertThatThrownBy(() -> AgentWire.read(bytes("calico-mesos/2 plugin\n\0")))
        .isInstanceOf(AgentWire.MalformedFrameException.class);
    assertThatThrownBy(() -> AgentWire.read(bytes("calico-mesos/1 plugin\nCALICO_X=1\0")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("inside the environment");
    assertThatThrownBy(() -> AgentWire.read(bytes("x".repeat(100) + "\n")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("longer than");
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Frame frame(String header, String... environment) {
    return new Frame(header, environment);
  }

  private record Frame(String header, String[] environment) {
    ByteArrayInputStream body(String request) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
      for (String entry : environment) {
        out.writeBytes(entry.getBytes(StandardCharsets.UTF_8));
        out.write(0);
      }
      out.write(0);
      out.writeBytes(request.getBytes(StandardCharsets.UTF_8));
      return new ByteArrayInputStream(out.toByteArray());
    }
  }
}
