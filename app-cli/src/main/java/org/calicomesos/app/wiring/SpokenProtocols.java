package org.calicomesos.app.wiring;

import java.util.Map;
import org.calicomesos.app.cni.CniProtocol;
import org.calicomesos.app.netmodules.NetModulesProtocol;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginProtocols;

/** The plugin protocols this build speaks; each has an endpoint in {@link ProtocolEndpointsModule}. */
public final class SpokenProtocols {
  /** Mesos' net-modules isolator: the plugin run with no arguments. */
  public static final PluginProtocol NET_MODULES = new NetModulesProtocol();
  /** CNI's main plugin ({@code type: calico-mesos}): the plugin run with {@code CNI_COMMAND} set. */
  public static final PluginProtocol CNI = CniProtocol.plugin(CniProtocol.DEFAULTS_FILE);
  /** CNI's IPAM plugin ({@code ipam.type: calico-mesos-ipam}): the same, run as {@code calico-mesos-ipam}. */
  public static final PluginProtocol CNI_IPAM = CniProtocol.ipam(CniProtocol.DEFAULTS_FILE);

  private SpokenProtocols() {}

  public static PluginProtocols all() {
    return new PluginProtocols(NET_MODULES, CNI, CNI_IPAM);
  }

  /**
   * A plugin process's protocol: the one the launcher names ({@code -Dcalico.protocol}); run without the launcher,
   * CNI when {@code CNI_COMMAND} is set (net-modules never sets it), else net-modules.
   */
  public static PluginProtocol forPluginProcess(String named, Map<String, String> environment) {
    if (named != null) {
      return all().find(named).orElseThrow(() -> new IllegalArgumentException("no plugin protocol " + named));
    }
    return environment.containsKey("CNI_COMMAND") ? CNI : NET_MODULES;
  }
}
