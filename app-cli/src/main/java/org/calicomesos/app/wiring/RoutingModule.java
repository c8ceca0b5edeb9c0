package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.calicomesos.adapters.bird.BirdModule;
import org.calicomesos.adapters.bird.BirdSettings;
import org.calicomesos.adapters.iproute2.Iproute2;
import org.calicomesos.adapters.netlink.Netlink;
import org.calicomesos.app.version.BuildVersionFiles;
import org.calicomesos.app.agent.RouteAgent;
import org.calicomesos.app.config.BirdPaths;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.core.routing.RouteSync;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * The agent's route loop: core's {@link RouteSync} on the {@link RouteTable} and {@link VxlanTunnel} of the dataplane
 * {@code CALICO_DATAPLANE} names, this host's registration, and BIRD (route mode bgp) at {@code CALICO_BIRD_CONFIG} and
 * {@code CALICO_BIRD_SOCKET}. Only the agent (and {@code node show}, for BIRD's sessions) asks for it; through
 * {@link Provider}s, so nothing of it is built (or loaded) for a plugin request, and the unchosen adapter never is.
 */
@Module(includes = BirdModule.class)
interface RoutingModule {
  /** @throws org.calicomesos.app.config.InvalidConfigurationException naming the CALICO_BIRD_ variable that is wrong */
  @Provides
  static BirdSettings birdSettings(Configuration configuration) {
    BirdPaths paths = ConfigurationReader.bird(configuration.birdEnvironment());
    return new BirdSettings(paths.configFile(), paths.controlSocket());
  }

  @Provides
  @Singleton
  static RouteTable routeTable(Configuration configuration, @Netlink Provider<RouteTable> netlink,
      @Iproute2 Provider<RouteTable> iproute2) {
    return configuration.dataplane().choose(netlink::get, iproute2::get);
  }

  @Provides
  @Singleton
  static VxlanTunnel vxlanTunnel(Configuration configuration, @Netlink Provider<VxlanTunnel> netlink,
      @Iproute2 Provider<VxlanTunnel> iproute2) {
    return configuration.dataplane().choose(netlink::get, iproute2::get);
  }

  @Provides
  static RouteAgent routeAgent(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings,
      Dataplane dataplane, RouteTable kernel, VxlanTunnel tunnel, BgpSpeaker bird) {
    HostRegistrar registrar = new HostRegistrar(store, keys, settings, dataplane,
        new BuildVersionFiles().line(), Clock.systemUTC());
    RouteSync sync = new RouteSync(store, keys, settings.node(), kernel, tunnel, settings.mtu(), bird);
    return new RouteAgent(registrar, sync, store, RouteAgent.REPAIR_EVERY);
  }
}
