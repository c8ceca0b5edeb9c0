package org.calicomesos.core.ipam;

import java.util.List;

/** Every pool, and the blocks read with them ({@link BlocksReadAhead}). */
record PoolsAndBlocks(List<PoolRecord> pools, BlocksReadAhead blocks) {}
