package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.iproute2.Iproute2;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.Netlink;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.app.agent.serving.DeferredVethRemoval;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.dataplane.Dataplane;

/**
 * The plugin's {@link Dataplane}: the one {@code CALICO_DATAPLANE} names ({@link DataplaneModule}), which in the agent
 * deletes veths after their request has answered.
 */
@Module(includes = {NetlinkDataplaneModule.class, Iproute2DataplaneModule.class})
interface PluginDataplaneModule {
  @Provides
  @Singleton
  static Dataplane dataplane(Configuration configuration, PluginHost host, OpenResources resources,
      @Netlink Provider<Dataplane> netlink, @Iproute2 Provider<Dataplane> iproute2) {
    Dataplane chosen = DataplaneModule.dataplane(configuration, netlink, iproute2);
    if (host == PluginHost.PROCESS) {
      return chosen;
    }
    DeferredVethRemoval deferred = new DeferredVethRemoval(chosen);
    resources.register(deferred);
    return deferred;
  }
}
