package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * {@link PluginComponent}'s application with the store and both kernels handed in rather than chosen by the
 * configuration, so that a test can watch everything a request writes or asks of the kernel (and no request
 * of a test reaches the real kernel, which this root user could change).
 */
@Singleton
@Component(modules = {ConfigurationModule.class, IpamModule.class, EndpointModule.class, AttachmentModule.class,
    ProtocolEndpointsModule.class})
public interface ObservedPluginComponent extends EndpointGraph {
  /** The store and the kernels belong to the test, which looks at them after the request. */
  @Override
  default void close() {}

  static ObservedPluginComponent create(Configuration configuration, KeyValueStore store, Dataplane dataplane,
      PolicyDataplane policy) {
    return DaggerObservedPluginComponent.factory().create(configuration, store, dataplane, policy);
  }

  /** Takes the validated configuration and the adapters the test observes. */
  @Component.Factory
  interface Factory {
    ObservedPluginComponent create(@BindsInstance Configuration configuration, @BindsInstance KeyValueStore store,
        @BindsInstance Dataplane dataplane, @BindsInstance PolicyDataplane policy);
  }
}
