package org.calicomesos.app.pipeline;

import java.io.IOException;
import java.util.Optional;

/** Where a request's answer goes: the plugin process's stdout, or the agent's connection to its client. */
public interface ResponseSink {
  /**
   * Writes the answer (the request's or its deadline's; the pipeline makes sure there is only one).
   *
   * @param command the request's validated command, once it got that far (the agent counts requests by it)
   */
  void write(PluginResponse response, Optional<String> command) throws IOException;

  /**
   * Called by the deadline once it has answered for a request that is still running: ends the request's process
   * (the plugin) or its connection (the agent).
   */
  void abandon();
}
