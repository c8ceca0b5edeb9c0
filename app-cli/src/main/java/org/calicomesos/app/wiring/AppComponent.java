package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.iproute2.HostReadoutsModule;
import org.calicomesos.app.admin.AdminServices;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.plugin.NetModulesEndpoint;
import org.calicomesos.app.plugin.PluginCommandsModule;

/**
 * The whole application for one configuration. {@code @Singleton} because one process (one request, or
 * one admin command) shares one datastore connection, which {@link #openResources()} closes at the end.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    InspectionModule.class, HostReadoutsModule.class, DataplaneModule.class, PolicyModule.class, RoutingModule.class, RoutingSettingsModule.class,
    PluginCommandsModule.class})
public interface AppComponent extends AdminServices {

  NetModulesEndpoint netModulesEndpoint();

  OpenResources openResources();

  Configuration configuration();

  @Override
  default String datastoreDescription() {
    return configuration().describeDatastore();
  }

  static AppComponent create(Configuration configuration) {
    return DaggerAppComponent.factory().create(configuration);
  }

  /** Takes the validated configuration; everything else is derived from it. */
  @Component.Factory
  interface Factory {
    AppComponent create(@BindsInstance Configuration configuration);
  }
}
