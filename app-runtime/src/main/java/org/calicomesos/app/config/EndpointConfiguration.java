package org.calicomesos.app.config;

import inet.ipaddr.IPAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;

/**
 * Reads {@code CALICO_DATAPLANE}, {@code CALICO_MTU}, {@code CALICO_HOST_IP} and {@code CALICO_HOST_IPV6}; every error
 * names its variable.
 */
final class EndpointConfiguration {
  private EndpointConfiguration() {}

  static DataplaneKind dataplane(Map<String, String> env) {
    Optional<String> named = EnvironmentValues.text(env, "CALICO_DATAPLANE");
    if (named.isEmpty()) {
      return DataplaneKind.NETLINK;
    }
    String value = named.get().trim().toLowerCase(Locale.ROOT);
    for (DataplaneKind kind : DataplaneKind.values()) {
      if (kind.setting().equals(value)) {
        return kind;
      }
    }
    throw new InvalidConfigurationException("CALICO_DATAPLANE '" + Excerpt.of(named.get())
        + "' is not one of netlink, iproute2");
  }

  static EndpointSettings settings(Map<String, String> env, NodeName node) {
    return new EndpointSettings(node, mtu(env), hostIp(env, "CALICO_HOST_IP", IpFamily.V4),
        hostIp(env, "CALICO_HOST_IPV6", IpFamily.V6));
  }

  private static int mtu(Map<String, String> env) {
    Optional<String> text = EnvironmentValues.text(env, "CALICO_MTU");
    if (text.isEmpty()) {
      return EndpointSettings.DEFAULT_MTU;
    }
    try {
      int mtu = Integer.parseInt(text.get().trim());
      if (mtu >= VethPlan.MIN_MTU && mtu <= VethPlan.MAX_MTU) {
        return mtu;
      }
    } catch (NumberFormatException e) {
      // reported below, with the rule
    }
    throw new InvalidConfigurationException("CALICO_MTU '" + Excerpt.of(text.get()) + "' must be a whole number from "
        + VethPlan.MIN_MTU + " to " + VethPlan.MAX_MTU);
  }

  private static Optional<IPAddress> hostIp(Map<String, String> env, String variable, IpFamily family) {
    Optional<String> text = EnvironmentValues.text(env, variable);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Addresses.parseAddress(variable, text.get().trim(), family));
    } catch (CalicoMesosException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
  }
}
