package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.Excerpt;

/**
 * {@code CNI_ARGS}: {@code K=V;K=V}. calico-mesos reads {@code IP} (comma-separated static addresses); like
 * Calico's plugin it passes over Kubernetes' {@code K8S_POD_*} keys, and over any key when
 * {@code IgnoreUnknown=1} (or {@code true}) is given; another key is refused, since a runtime that sends one
 * expects it to mean something.
 */
record CniArgs(Map<String, String> values) {
  static final CniArgs NONE = new CniArgs(Map.of());

  CniArgs {
    values = Map.copyOf(values);
  }

  static CniArgs parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : text.strip().split(";", -1)) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw invalid("CNI_ARGS item '" + Excerpt.of(pair) + "' is not KEY=VALUE");
      }
      String key = pair.substring(0, equals).strip();
      if (values.put(key, pair.substring(equals + 1).strip()) != null) {
        throw invalid("CNI_ARGS names " + Excerpt.of(key) + " twice");
      }
    }
    String ignoreUnknown = values.getOrDefault("IgnoreUnknown", "");
    boolean lenient = ignoreUnknown.equals("1") || ignoreUnknown.equalsIgnoreCase("true");
    if (!lenient) {
      for (String key : values.keySet()) {
        if (!key.equals("IP") && !key.equals("IgnoreUnknown") && !key.startsWith("K8S_POD_")) {
          throw invalid("CNI_ARGS has the unknown key " + Excerpt.of(key) + "; add IgnoreUnknown=1 to pass over it");
        }
      }
    }
    return new CniArgs(values);
  }

  /** The addresses {@code IP=} names, of either family; a bad one is an invalid network request (code 7). */
  List<IPAddress> staticAddresses() {
    String ips = values.get("IP");
    List<IPAddress> addresses = new ArrayList<>();
    if (ips == null || ips.isBlank()) {
      return addresses;
    }
    for (String text : ips.split(",", -1)) {
      addresses.add(StaticAddresses.parse("CNI_ARGS IP", text.strip()));
    }
    return addresses;
  }

  private static CniRequestException invalid(String sentence) {
    return new CniRequestException(CniErrorCode.INVALID_ENVIRONMENT, sentence);
  }
}
