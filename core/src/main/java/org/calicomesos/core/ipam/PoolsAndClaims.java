package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;

/** Every pool, and one host's claims (block → state, IPv4 then IPv6), read together. */
record PoolsAndClaims(List<PoolRecord> pools, Map<IPAddress, Affinity> claims) {}
