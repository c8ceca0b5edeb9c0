package org.calicomesos.core.ipam;

import org.calicomesos.ports.ipam.Pool;

/** A pool as stored: while {@code disabled}, nothing new is assigned from it (set while it is being removed). */
record PoolRecord(Pool pool, boolean disabled) {}
