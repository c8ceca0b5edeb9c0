package org.calicomesos.app.pipeline;

/**
 * Everything one configuration builds to answer plugin requests (its datastore client, dataplane, use cases), with
 * an endpoint for each protocol; closing it closes what it opened.
 */
public interface PluginApplication extends AutoCloseable {
  /** The endpoint that answers {@code protocol}'s requests. */
  ProtocolEndpoint endpoint(PluginProtocol protocol);

  /** Connects the datastore client and runs the IPAM read path once, so that a first request need not. */
  void warmUp();

  @Override
  void close();
}
