package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.DatastoreKind;

/**
 * The application the agent's warm-up rehearses on: the plugin's ({@link PluginComponent}) endpoints and use cases,
 * on {@link RehearsalModule}'s adapters, so that nothing it does reaches the real datastore or the kernel.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, RehearsalModule.class, IpamModule.class, EndpointModule.class,
    AttachmentModule.class, ProtocolEndpointsModule.class})
public interface RehearsalComponent extends EndpointGraph {
  OpenResources openResources();

  /** Closes the rehearsal's store, and its etcd with it. */
  @Override
  default void close() {
    openResources().close();
  }

  /**
   * The rehearsal's application for its {@code configuration}, whose datastore setting it never uses: its store
   * is {@link RehearsalStore}'s, like the agent's own datastore ({@code agentDatastore}) as far as that goes.
   */
  static RehearsalComponent create(Configuration configuration, DatastoreKind agentDatastore) {
    return DaggerRehearsalComponent.factory().create(configuration,
        RehearsalStore.like(agentDatastore, configuration.requestTimeout()));
  }

  @Component.Factory
  interface Factory {
    RehearsalComponent create(@BindsInstance Configuration configuration, @BindsInstance RehearsalStore store);
  }
}
