package org.calicomesos.ports.diagnostics;

/**
 * The views of this host's networking and of the agent that a diagnostics bundle holds. Each is read-only and
 * fixed: the adapter owns the command behind it, and nothing a user types reaches that command.
 */
public enum HostReadout {
  /** Every interface's addresses, in detail ({@code ip -d addr}). */
  ADDRESSES,
  /** Every interface, in detail ({@code ip -d link}). */
  LINKS,
  /** The main IPv4 routing table ({@code ip route}). */
  IPV4_ROUTES,
  /** The main IPv6 routing table ({@code ip -6 route}). */
  IPV6_ROUTES,
  /** The policy routing rules ({@code ip rule}). */
  ROUTING_RULES,
  /** The agent's nftables table and nothing else ({@code nft list table inet calico_mesos}); absent until it has run. */
  POLICY_TABLE,
  /** The agent's recent journal ({@code journalctl -u calico-mesos-agent}); unavailable on a host without systemd. */
  AGENT_JOURNAL
}
