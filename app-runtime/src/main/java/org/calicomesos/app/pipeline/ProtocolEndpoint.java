package org.calicomesos.app.pipeline;

/** One protocol's requests answered by an application built for one configuration. */
public interface ProtocolEndpoint {
  /**
   * Never throws: every failure becomes the protocol's error response. {@code request} has been read whole
   * (never refused). Records the request's validated command
   * and identifiers in {@code requestLog}; runs the command when {@code gate} lets it.
   */
  PluginResponse handle(PluginRequest request, RequestLog requestLog, RequestGate gate);
}
