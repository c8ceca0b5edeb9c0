package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import org.calicomesos.app.config.Configuration;

/**
 * {@link PluginComponent}'s graph with its store and dataplane wrapped ({@link DecoratedPortsModule}): the plugin
 * pipeline as production runs it, seen (or cut short) at every write. The policy dataplane stays undecorated: a
 * plugin request only reads it (CNI CHECK).
 */
@Singleton
@Component(modules = {ConfigurationModule.class, DecoratedPortsModule.class, IpamModule.class, EndpointModule.class,
    NftablesPolicyModule.class, AttachmentModule.class, ProtocolEndpointsModule.class})
public interface DecoratedPluginComponent extends PluginComponent {

  static DecoratedPluginComponent create(Configuration configuration, PortDecorators decorators) {
    return DaggerDecoratedPluginComponent.factory().create(configuration, decorators);
  }

  /** Takes the validated configuration, as the production component does, and the wrappers. */
  @Component.Factory
  interface Factory {
    DecoratedPluginComponent create(@BindsInstance Configuration configuration,
        @BindsInstance PortDecorators decorators);
  }
}
