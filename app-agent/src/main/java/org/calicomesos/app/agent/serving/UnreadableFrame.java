package org.calicomesos.app.agent.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.calicomesos.app.agentsocket.AgentWire;
import org.calicomesos.app.pipeline.PluginResponse;

/**
 * The answer to a frame the agent cannot read, so knows no protocol for: a JSON object whose {@code error} says
 * why, which is net-modules' error form and reads as a sentence in any other.
 */
final class UnreadableFrame {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UnreadableFrame() {}

  static PluginResponse answer(AgentWire.MalformedFrameException cause) {
    String sentence = "the calico-mesos agent cannot read this request: " + cause.getMessage();
    ObjectNode error = JSON.createObjectNode().put("error", sentence);
    return new PluginResponse((error + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), false, sentence);
  }
}
