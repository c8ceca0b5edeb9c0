package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;

/**
 * IPAM configuration that comes from the deployment, not the datastore: the pools created on first use
 * when none exist ({@code CALICO_IPV4POOL_CIDR}, {@code CALICO_IPV6POOL_CIDR}).
 */
public record IpamSettings(IPAddress defaultIpv4Pool, IPAddress defaultIpv6Pool) {
  public IpamSettings {
    Objects.requireNonNull(defaultIpv4Pool, "defaultIpv4Pool");
    Objects.requireNonNull(defaultIpv6Pool, "defaultIpv6Pool");
  }
}
