package org.calicomesos.app.wiring;

/** Who runs a {@link PluginComponent}: a plugin process for one request, or the agent for many. */
public enum PluginHost {
  /** One request, then the process exits: everything in line. */
  PROCESS,
  /** The agent: a veth's deletion may finish after its request answered ({@code DeferredVethRemoval}). */
  AGENT
}
