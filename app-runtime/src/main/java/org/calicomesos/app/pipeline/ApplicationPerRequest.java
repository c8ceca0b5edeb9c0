package org.calicomesos.app.pipeline;

import java.util.Map;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;

/** The plugin process's applications: each built for its one request, and closed when it is answered. */
public final class ApplicationPerRequest implements PluginApplications {
  private final Function<Configuration, PluginApplication> build;

  public ApplicationPerRequest(Function<Configuration, PluginApplication> build) {
    this.build = build;
  }

  @Override
  public Lease lease(Map<String, String> environment, Configuration configuration) {
    PluginApplication application = build.apply(configuration);
    return new Lease() {
      @Override
      public ProtocolEndpoint endpoint(PluginProtocol protocol) {
        return application.endpoint(protocol);
      }

      @Override
      public void discard() {
        // Closed at the end of this request anyway.
      }

      @Override
      public void close() {
        application.close();
      }
    };
  }
}
