package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.calicomesos.adapters.iproute2.HostReadoutsModule;
import org.calicomesos.app.admin.AdminUseCases;
import org.calicomesos.app.config.Configuration;

/**
 * The admin CLI's use cases for one configuration. {@code @Singleton}: one admin command shares one datastore
 * connection, which {@link #openResources()} closes at the end.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    InspectionModule.class, HostReadoutsModule.class, DataplaneModule.class, RoutingModule.class,
    RoutingSettingsModule.class, AttachmentModule.class, GcModule.class, NetworkPolicyModule.class})
public interface AdminComponent extends AdminUseCases {

  OpenResources openResources();

  Configuration configuration();

  @Override
  default Duration gcGrace() {
    return configuration().gcGrace();
  }

  @Override
  default String datastoreDescription() {
    return configuration().describeDatastore();
  }

  static AdminComponent create(Configuration configuration) {
    return DaggerAdminComponent.factory().create(configuration);
  }

  /** Takes the validated configuration; everything else is derived from it. */
  @Component.Factory
  interface Factory {
    AdminComponent create(@BindsInstance Configuration configuration);
  }
}
