package org.calicomesos.core.cas;

import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.Readout;

/** Turns one kind of stored record into its JSON text and back. */
public interface Codec<V> {
  /** @throws CorruptValueException when the entry does not hold a valid record */
  V decode(Entry entry);

  String encode(V value);

  /** The decoded record, or why it cannot be decoded: for read-only listings that must not stop at one bad record. */
  default Readout<V> readout(Entry entry) {
    try {
      return Readout.of(decode(entry));
    } catch (CorruptValueException e) {
      return Readout.unreadable(e.problem());
    }
  }
}
