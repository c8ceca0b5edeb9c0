package org.calicomesos.app.wiring;

import org.calicomesos.app.netmodules.NetModulesProtocol;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginProtocols;

/** The plugin protocols this build speaks; each has an endpoint in {@link ProtocolEndpointsModule}. */
public final class SpokenProtocols {
  /** Mesos' net-modules isolator: the plugin run with no arguments. */
  public static final PluginProtocol NET_MODULES = new NetModulesProtocol();

  private SpokenProtocols() {}

  public static PluginProtocols all() {
    return new PluginProtocols(NET_MODULES);
  }
}
