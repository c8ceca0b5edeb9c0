package org.calicomesos.app.agent.command;

import org.calicomesos.app.agent.FollowingLoop;
import org.calicomesos.app.agent.RouteAgent;
import org.calicomesos.app.metrics.AgentMetrics;
import org.calicomesos.ports.gc.CollectLeaksUseCase;

/** The agent's long-running parts, built by the composition root for the agent's own configuration. */
public interface AgentAssembly {
  /** This host's policy loop, on the configured datastore and the nftables policy dataplane. */
  FollowingLoop policyLoop();

  /** This host's route loop and registration, on the configured datastore and dataplane's route table. */
  RouteAgent routeAgent();

  /** This host's garbage collector, which the agent runs every CALICO_GC_INTERVAL. */
  CollectLeaksUseCase leakCollector();

  /** The agent's metrics, which its loops and every request it serves report to. */
  AgentMetrics agentMetrics();
}
