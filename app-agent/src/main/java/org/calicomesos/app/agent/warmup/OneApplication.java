package org.calicomesos.app.agent.warmup;

import java.util.Map;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginApplications;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.ProtocolEndpoint;

/** The rehearsal's one application, built for its first request and kept until the warm-up closes it. */
final class OneApplication implements PluginApplications, AutoCloseable {
  private final Function<Configuration, PluginApplication> build;
  private PluginApplication application;

  OneApplication(Function<Configuration, PluginApplication> build) {
    this.build = build;
  }

  @Override
  public synchronized Lease lease(Map<String, String> environment, Configuration configuration) {
    if (application == null) {
      application = build.apply(configuration);
    }
    PluginApplication leased = application;
    return new Lease() {
      @Override
      public ProtocolEndpoint endpoint(PluginProtocol protocol) {
        return leased.endpoint(protocol);
      }

      @Override
      public void discard() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public synchronized void close() {
    if (application != null) {
      application.close();
      application = null;
    }
  }
}
