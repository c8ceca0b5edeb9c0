package org.calicomesos.app.agent;

import java.util.List;
import org.calicomesos.ports.kv.WatchEvent;

/** What reaches the agent's loop: changes a watch saw, or the end of that watch (or of the agent). */
sealed interface AgentSignal {
  /** Changes, in revision order. */
  record Changes(List<WatchEvent> events) implements AgentSignal {}

  /** The watch ended (error, compaction) and the agent must resynchronise; {@code why} is for the log. */
  record WatchEnded(String why) implements AgentSignal {}

  /** The agent is stopping. */
  record Stop() implements AgentSignal {}
}
