package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.ports.model.HandleId;

/**
 * Whether the IPAM has handed {@code address} out and, if so, to which handle (an address reserved without a
 * uid has none). {@code block} is the block it lies in, when it lies in a pool.
 */
public record AddressHolding(IPAddress address, Optional<IPAddress> block, boolean allocated, Optional<HandleId> handle) {}
