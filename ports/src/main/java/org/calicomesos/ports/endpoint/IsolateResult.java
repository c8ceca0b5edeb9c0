package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.dataplane.InterfaceName;

/** What {@code isolate} did: the host-side interface, and whether it was already in place (nothing changed). */
public record IsolateResult(InterfaceName hostInterface, boolean alreadyIsolated) {}
