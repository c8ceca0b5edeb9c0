package org.calicomesos.ports.kv;

import java.util.Objects;

/**
 * What a conditional write did. A lost compare is a value, not an exception, because the IPAM
 * re-reads and retries on it; it carries the current entry so the retry needs no extra read.
 */
public sealed interface WriteOutcome {

  /** The create or update landed; {@code entry} carries the new revision. */
  record Written(Entry entry) implements WriteOutcome {
    public Written {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** The delete landed. */
  record Deleted(String key) implements WriteOutcome {}

  /** The key exists but not at the expected revision (or, for create, exists at all). */
  record Conflict(Entry current) implements WriteOutcome {
    public Conflict {
      Objects.requireNonNull(current, "current");
    }
  }

  /** Update or delete of a key that is not there. */
  record Missing(String key) implements WriteOutcome {}

  /** True when the write took effect. */
  default boolean landed() {
    return this instanceof Written || this instanceof Deleted;
  }
}
