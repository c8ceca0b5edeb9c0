package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;

/** A global-scope address configured on one of the host's interfaces (the address alone, no prefix length). */
public record HostAddress(InterfaceName interfaceName, IPAddress address) {}
