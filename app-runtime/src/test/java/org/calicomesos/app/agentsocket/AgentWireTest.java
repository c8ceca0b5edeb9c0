package org.calicomesos.app.agentsocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.TestProtocol;
import org.junit.jupiter.api.Test;

/** What calico-mesos-agent-client sends (header, `env -0`, a NUL, the request) is read back exactly. */
class AgentWireTest {
  private static final String REQUEST = "{\"command\":\"allocate\",\"args\":{\"uid\":\"u1\"}}\n\n";
  private static final int LIMIT = 4096;
  // It reads one variable of its own besides the configuration's.
  private static final PluginProtocol PROTOCOL =
      new TestProtocol(LIMIT, variable -> variable.equals("TEST_ARGS"), sentence -> sentence);

  private static AgentFrame read(ByteArrayInputStream in) throws Exception {
    return AgentWire.read(in, name -> Optional.of(PROTOCOL).filter(known -> known.name().equals(name)));
  }

  @Test
  void aPluginFrameCarriesTheConfigurationVariablesAndTheRequestBytesUnchanged() throws Exception {
    AgentFrame frame = read(frame("calico-mesos/2 plugin test-protocol\n",
        "PATH=/usr/bin", "TEST_ARGS=a=b", "TEST_OTHER=x", "CALICO_DATASTORE=etcd", "ETCD_ENDPOINTS=http://a:2379,http://b:2379",
        "CONSUL_HTTP_TOKEN=t=o=k", "CALICO_LOG_FILE=/var/log/x y.log", "HOME=/root", "MULTI=a\nb",
        "CALICO_EMPTY=")
        .body(REQUEST));

    PluginRequest plugin = ((AgentFrame.Plugin) frame).request();
    assertThat(plugin.protocol()).isSameAs(PROTOCOL);
    assertThat(plugin.environment()).isEqualTo(Map.of(
        "TEST_ARGS", "a=b",
        "CALICO_DATASTORE", "etcd",
        "ETCD_ENDPOINTS", "http://a:2379,http://b:2379",
        "CONSUL_HTTP_TOKEN", "t=o=k",
        "CALICO_LOG_FILE", "/var/log/x y.log",
        "CALICO_EMPTY", ""));
    assertThat(new String(plugin.stdin(), StandardCharsets.UTF_8)).isEqualTo(REQUEST);
    assertThat(plugin.refused()).isNull();
  }

  @Test
  void anEmptyEnvironmentAndAnEmptyRequestAreAFrameToo() throws Exception {
    PluginRequest plugin = ((AgentFrame.Plugin) read(frame("calico-mesos/2 plugin test-protocol\n").body("")))
        .request();

    assertThat(plugin.environment()).isEmpty();
    assertThat(plugin.stdin()).isEmpty();
  }

  @Test
  void aRequestOverTheLimitIsRefusedAsThePluginRefusesIt() throws Exception {
    char[] big = new char[LIMIT + 1];
    Arrays.fill(big, ' ');

    PluginRequest plugin = ((AgentFrame.Plugin) read(frame("calico-mesos/2 plugin test-protocol\n")
        .body(new String(big)))).request();

    assertThat(plugin.stdin()).isNull();
    assertThat(plugin.refused()).isEqualTo("request is larger than " + LIMIT + " bytes");
  }

  @Test
  void theStatusVerbNeedsNothingMore() throws Exception {
    assertThat(read(new ByteArrayInputStream(AgentWire.statusHeader())))
        .isInstanceOf(AgentFrame.Status.class);
  }

  @Test
  void anythingElseIsMalformed() {
    assertThatThrownBy(() -> read(bytes("{\"command\":\"allocate\"}")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("header line");
    assertThatThrownBy(() -> read(bytes("calico-mesos/2 plugin\n\0")))
        .isInstanceOf(AgentWire.MalformedFrameException.class);
    assertThatThrownBy(() -> read(bytes("calico-mesos/1 plugin\n\0")))
        .as("the frame of an older client").isInstanceOf(AgentWire.MalformedFrameException.class);
    assertThatThrownBy(() -> read(bytes("calico-mesos/2 plugin cni\n\0")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessage("this agent serves no protocol 'cni'");
    assertThatThrownBy(() -> read(bytes("calico-mesos/2 plugin test-protocol\nCALICO_X=1\0")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("inside the environment");
    assertThatThrownBy(() -> read(bytes("x".repeat(100) + "\n")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("longer than");
  }

  @Test
  void anAnswerIsItsExitStatusLineAndThenThePluginsStdout() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    AgentWire.writeAnswer(PROTOCOL.error(null, org.calicomesos.app.pipeline.FailureKind.INTERNAL, "no"), out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("calico-mesos/2 exit 1\nno");
  }

  @Test
  void anAnswerReadsBackAsItsExitStatusAndStdoutAndAnythingElseIsRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AgentWire.writeAnswer(PROTOCOL.error(null, org.calicomesos.app.pipeline.FailureKind.INTERNAL, "no"), out);

    AgentWire.Answer answer = AgentWire.readAnswer(new ByteArrayInputStream(out.toByteArray()));

    assertThat(answer.exitStatus()).isEqualTo(1);
    assertThat(new String(answer.stdout(), StandardCharsets.UTF_8)).isEqualTo("no");
    assertThatThrownBy(() -> AgentWire.readAnswer(bytes("calico-mesos/2 exit one\n{}")))
        .isInstanceOf(AgentWire.MalformedFrameException.class).hasMessageContaining("answer line");
    assertThatThrownBy(() -> AgentWire.readAnswer(bytes("{\"error\":null}")))
        .isInstanceOf(AgentWire.MalformedFrameException.class);
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
