package org.calicomesos.app.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.Teardown;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.app.wiring.AdminComponent;
import org.calicomesos.app.wiring.PluginComponent;

/**
 * The runner's applications for everything but the request under test (set-up and finishing requests, admin
 * commands): one per configuration, kept warm for one script as the agent keeps its, since a fresh graph per
 * request would open a new etcd client each time, which costs a cold JVM more than the request. The request under
 * test never comes here: it gets a graph of its own, as the plugin process builds one per request.
 */
final class WarmApplications implements AutoCloseable {
  private final Map<Configuration, PluginComponent> plugins = new HashMap<>();
  private final Map<Configuration, AdminComponent> admins = new HashMap<>();

  /** The configuration's plugin application; closing what this returns leaves it open. */
  PluginApplication plugin(Configuration configuration) {
    PluginComponent warm = plugins.computeIfAbsent(configuration, PluginComponent::create);
    return new PluginApplication() {
      @Override
      public ProtocolEndpoint endpoint(PluginProtocol protocol) {
        return warm.endpoint(protocol);
      }

      @Override
      public void warmUp() {
        warm.warmUp();
      }

      @Override
      public void close() {
        // Kept for the next request of this configuration.
      }
    };
  }

  /** The admin use cases on the configuration {@code env} gives, as {@code calico-mesos} builds them. */
  AdminComponent admin(Map<String, String> env) {
    Configuration configuration = ConfigurationReader.forThisMachine().read(env);
    return admins.computeIfAbsent(configuration, AdminComponent::create);
  }

  /** Closes what they opened (the store connections): a warm runner goes on with the next script. */
  @Override
  public void close() throws Exception {
    List<AutoCloseable> opened = new ArrayList<>(plugins.values());
    admins.values().forEach(admin -> opened.add(() -> admin.openResources().close()));
    Teardown.inOrder(opened.toArray(AutoCloseable[]::new));
  }
}
