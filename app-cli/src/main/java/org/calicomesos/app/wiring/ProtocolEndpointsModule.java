package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import org.calicomesos.app.cni.CniEndpoint;
import org.calicomesos.app.cni.CniIpamEndpoint;
import org.calicomesos.app.cni.CniProtocol;
import org.calicomesos.app.netmodules.NetModulesEndpoint;
import org.calicomesos.app.netmodules.NetModulesProtocol;
import org.calicomesos.app.netmodules.PluginCommandsModule;
import org.calicomesos.app.pipeline.ProtocolEndpoint;

/** One endpoint per plugin protocol, keyed by the protocol's name (see {@link SpokenProtocols}). */
@Module(includes = PluginCommandsModule.class)
interface ProtocolEndpointsModule {
  @Binds
  @IntoMap
  @StringKey(NetModulesProtocol.NAME)
  ProtocolEndpoint netModules(NetModulesEndpoint endpoint);

  @Binds
  @IntoMap
  @StringKey(CniProtocol.NAME)
  ProtocolEndpoint cni(CniEndpoint endpoint);

  @Binds
  @IntoMap
  @StringKey(CniProtocol.IPAM_NAME)
  ProtocolEndpoint cniIpam(CniIpamEndpoint endpoint);
}
