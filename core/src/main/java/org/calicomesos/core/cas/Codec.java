package org.calicomesos.core.cas;

import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;

/** Turns one kind of stored record into its JSON text and back. */
public interface Codec<V> {
  /** @throws CorruptValueException when the entry does not hold a valid record */
  V decode(Entry entry);

  String encode(V value);
}
