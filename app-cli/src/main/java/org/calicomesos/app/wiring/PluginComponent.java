package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Map;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;

/**
 * The plugin protocols' application for one configuration: the plugin process builds one per request, the agent
 * keeps one warm per configuration its clients use. {@code @Singleton}: one application shares one datastore
 * connection, which {@link #close()} closes.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    DataplaneModule.class, NftablesPolicyModule.class, AttachmentModule.class, ProtocolEndpointsModule.class})
public interface PluginComponent extends PluginApplication {

  /** Each protocol's endpoint, by the protocol's name; built when its first request comes. */
  Map<String, Provider<ProtocolEndpoint>> endpoints();

  ManagePoolsUseCase pools();

  OpenResources openResources();

  @Override
  default ProtocolEndpoint endpoint(PluginProtocol protocol) {
    return endpointOf(endpoints(), protocol);
  }

  @Override
  default void warmUp() {
    pools().list();
  }

  @Override
  default void close() {
    openResources().close();
  }

  /** {@code protocol}'s endpoint among a component's {@link #endpoints()}, built on this first call. */
  static ProtocolEndpoint endpointOf(Map<String, Provider<ProtocolEndpoint>> endpoints, PluginProtocol protocol) {
    Provider<ProtocolEndpoint> endpoint = endpoints.get(protocol.name());
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint for the protocol " + protocol.name());
    }
    return endpoint.get();
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
