package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;

/**
 * Whether the IPAM has handed {@code address} out and, if so, to which handle (an address reserved without a
 * uid has none). {@code block} is the block it lies in, when it lies in a pool; {@code blockHost} the host that
 * block is affine to, when the block exists and has one; {@code encapsulation} that of the pool it lies in (none
 * outside every pool).
 */
public record AddressHolding(IPAddress address, Optional<IPAddress> block, boolean allocated, Optional<HandleId> handle,
    Optional<NodeName> blockHost, Encapsulation encapsulation) {}
