package org.calicomesos.app.agent.serving;

import java.util.Map;

/** One request to the agent, as {@link AgentWire} reads it off a connection. */
sealed interface AgentFrame {
  /**
   * A net-modules request: the client's configuration variables and the raw request, or why the request
   * was refused while reading it (too large), as the in-process plugin would refuse it.
   */
  record Plugin(Map<String, String> environment, byte[] request, String refused) implements AgentFrame {}

  /** {@code calico-mesos status} asking how the agent is doing. */
  record Status() implements AgentFrame {}
}
