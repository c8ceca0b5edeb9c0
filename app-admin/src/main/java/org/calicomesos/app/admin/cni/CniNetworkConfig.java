package org.calicomesos.app.admin.cni;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NetworkName;

/**
 * One CNI network on calico-mesos, as a JSON tree. For Mesos' network/cni isolator ({@code mesos}) a single-plugin
 * {@code .conf} in version 0.2.0: the isolator skips conflists and reads only the 0.2.0 result. For every other
 * runtime a {@code .conflist} in 1.1.0 whose first plugin is ours, so that portmap, bandwidth or tuning can follow.
 */
record CniNetworkConfig(NetworkName name, boolean mesos, ObjectNode settings, boolean ipv6, List<IPAddress> pools) {
  static final String PLUGIN_TYPE = "calico-mesos";
  static final String IPAM_TYPE = "calico-mesos-ipam";
  static final String MESOS_VERSION = "0.2.0";
  // A runtime that knows cniVersions (libcni 1.2 and later) takes the newest it speaks from them; an older one reads
  // only cniVersion, and fails on a result in a version it does not know (libcni 1.1: 1.1.0), so that says 1.0.0.
  static final String CONFLIST_VERSION = "1.0.0";
  static final List<String> CONFLIST_VERSIONS = List.of("0.4.0", "1.0.0", "1.1.0");

  CniNetworkConfig {
    pools = List.copyOf(pools);
  }

  /** The file the runtime reads: {@code <name>.conf} for Mesos, {@code <name>.conflist} otherwise. */
  String fileName() {
    return name.value() + (mesos ? ".conf" : ".conflist");
  }

  ObjectNode toJson() {
    ObjectNode document = JsonDocument.object();
    if (mesos) {
      document.put("cniVersion", MESOS_VERSION).put("name", name.value());
      document.setAll(plugin());
      return document;
    }
    document.put("cniVersion", CONFLIST_VERSION);
    ArrayNode versions = document.putArray("cniVersions");
    CONFLIST_VERSIONS.forEach(versions::add);
    document.put("name", name.value());
    document.putArray("plugins").add(plugin());
    return document;
  }

  private ObjectNode plugin() {
    ObjectNode plugin = JsonDocument.object().put("type", PLUGIN_TYPE);
    plugin.setAll(settings.deepCopy());
    ObjectNode ipam = plugin.putObject("ipam").put("type", IPAM_TYPE).put("assign_ipv4", true).put("assign_ipv6", ipv6);
    poolsOf(ipam, "ipv4_pools", IpFamily.V4);
    poolsOf(ipam, "ipv6_pools", IpFamily.V6);
    return plugin;
  }

  private void poolsOf(ObjectNode ipam, String field, IpFamily family) {
    List<IPAddress> ofFamily = pools.stream().filter(pool -> IpFamily.of(pool) == family).toList();
    if (!ofFamily.isEmpty()) {
      ArrayNode array = ipam.putArray(field);
      ofFamily.forEach(pool -> array.add(pool.toCanonicalString()));
    }
  }
}
