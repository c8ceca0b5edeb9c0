package org.calicomesos.app.agentsocket;

import org.calicomesos.app.pipeline.PluginRequest;

/** One request to the agent, as {@link AgentWire} reads it off a connection. */
public sealed interface AgentFrame {
  /** A plugin request of one of the protocols the agent serves, as the plugin process would have taken it. */
  record Plugin(PluginRequest request) implements AgentFrame {}

  /** {@code calico-mesos status} asking how the agent is doing. */
  record Status() implements AgentFrame {}
}
