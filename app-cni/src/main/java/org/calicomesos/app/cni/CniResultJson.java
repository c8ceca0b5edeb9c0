package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.model.IpFamily;

/**
 * A {@link CniResult} in the form of the version it is asked in. 0.1.0 and 0.2.0: {@code ip4} and {@code ip6}, each
 * the family's first address with its gateway and routes (the form Mesos reads). 0.3.0 to 0.4.0:
 * {@code interfaces}, {@code ips} (with {@code version}), {@code routes}. 1.0.0 and 1.1.0: the same without
 * {@code version}. Always {@code dns}, empty: calico-mesos sets no resolver.
 */
final class CniResultJson {
  private CniResultJson() {}

  static ObjectNode of(CniResult result, CniVersion version) {
    ObjectNode json = JsonTree.object();
    json.put("cniVersion", version.toString());
    if (version.legacyResult()) {
      legacyFamily(json, "ip4", result, IpFamily.V4);
      legacyFamily(json, "ip6", result, IpFamily.V6);
    } else {
      if (!result.interfaces().isEmpty()) {
        ArrayNode interfaces = json.putArray("interfaces");
        for (CniResult.Interface face : result.interfaces()) {
          ObjectNode entry = interfaces.addObject().put("name", face.name()).put("mac", face.mac());
          face.sandbox().ifPresent(sandbox -> entry.put("sandbox", sandbox));
        }
      }
      ArrayNode ips = json.putArray("ips");
      for (CniResult.Address address : result.addresses()) {
        ObjectNode entry = ips.addObject();
        if (version.addressVersionField()) {
          entry.put("version", address.family() == IpFamily.V4 ? "4" : "6");
        }
        entry.put("address", address.cidr());
        address.gateway().ifPresent(gateway -> entry.put("gateway", gateway.toCanonicalString()));
        address.interfaceIndex().ifPresent(index -> entry.put("interface", index));
      }
      routes(json.putArray("routes"), result.routes());
    }
    json.putObject("dns");
    return json;
  }

  private static void legacyFamily(ObjectNode json, String field, CniResult result, IpFamily family) {
    result.addresses().stream().filter(address -> address.family() == family).findFirst().ifPresent(address -> {
      ObjectNode entry = json.putObject(field).put("ip", address.cidr());
      address.gateway().ifPresent(gateway -> entry.put("gateway", gateway.toCanonicalString()));
      routes(entry.putArray("routes"),
          result.routes().stream().filter(route -> IpFamily.of(route.destination()) == family).toList());
    });
  }

  private static void routes(ArrayNode json, List<Route> routes) {
    for (Route route : routes) {
      ObjectNode entry = json.addObject().put("dst", route.destination().toCanonicalString());
      route.gateway().ifPresent(gateway -> entry.put("gw", gateway.toCanonicalString()));
    }
  }
}
