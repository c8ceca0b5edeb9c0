package org.calicomesos.app.pipeline;

import java.util.Map;
import org.calicomesos.app.config.Configuration;

/**
 * Where a request's {@link PluginApplication} comes from: built for it and closed after it (the plugin process), or a warm one
 * kept per configuration (the agent).
 */
public interface PluginApplications {
  /** The application for {@code configuration}, read from {@code environment}; held until the lease closes. */
  Lease lease(Map<String, String> environment, Configuration configuration);

  /** One request's hold on an application. */
  interface Lease extends AutoCloseable {
    /** The endpoint of {@code protocol} in this application. */
    ProtocolEndpoint endpoint(PluginProtocol protocol);

    /**
     * This application could not reach its datastore: the next request should get a new one, since a new client
     * connects afresh where an old one may sit out a reconnect back-off.
     */
    void discard();

    @Override
    void close();
  }
}
