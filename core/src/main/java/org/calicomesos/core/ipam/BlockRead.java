package org.calicomesos.core.ipam;

import java.util.Objects;
import org.calicomesos.ports.kv.Entry;

/**
 * A block as just read, with the entry it was decoded from, so that the compare-and-swap that follows starts
 * from it instead of reading the block again (one round trip fewer; if the block changed meanwhile, the
 * lost compare returns the current entry, which costs no more than the read would have).
 */
record BlockRead(AllocationBlock block, Entry entry) {
  BlockRead {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(entry, "entry");
  }
}
