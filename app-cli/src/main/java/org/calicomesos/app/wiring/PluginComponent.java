package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import org.calicomesos.app.config.Configuration;

/**
 * The plugin protocols' application for one configuration: the plugin process builds one per request, the agent
 * keeps one warm per configuration its clients use. {@code @Singleton}: one application shares one datastore
 * connection, which {@link #close()} closes.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    DataplaneModule.class, NftablesPolicyModule.class, AttachmentModule.class, ProtocolEndpointsModule.class})
public interface PluginComponent extends EndpointGraph {
  OpenResources openResources();

  @Override
  default void close() {
    openResources().close();
  }

  static PluginComponent create(Configuration configuration) {
    return DaggerPluginComponent.factory().create(configuration);
  }

  /** Takes the validated configuration; everything else is derived from it. */
  @Component.Factory
  interface Factory {
    PluginComponent create(@BindsInstance Configuration configuration);
  }
}
