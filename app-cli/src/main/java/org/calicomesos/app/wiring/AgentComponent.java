package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.app.agent.command.AgentAssembly;
import org.calicomesos.app.config.Configuration;

/**
 * The agent's loops and metrics for its own configuration (the plugin requests it serves get a
 * {@link PluginComponent} each). {@code @Singleton}: the loops share one datastore client and one set of metrics.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    DataplaneModule.class, PolicyModule.class, RoutingModule.class, AttachmentModule.class, GcModule.class})
public interface AgentComponent extends AgentAssembly {

  /** What the agent's parts opened (its datastore client). */
  OpenResources openResources();

  static AgentComponent create(Configuration configuration) {
    return DaggerAgentComponent.factory().create(configuration);
  }

  /** Takes the validated configuration; everything else is derived from it. */
  @Component.Factory
  interface Factory {
    AgentComponent create(@BindsInstance Configuration configuration);
  }
}
