package org.calicomesos.core.cas;

import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.Readout;

/** Turns one kind of stored record into its JSON text and back. */
public interface Codec<V> {
  /** The stored text as is: for a write (a delete, our own record) that must not depend on reading what it replaces. */
  Codec<String> STORED_TEXT = new Codec<>() {
    @Override
    public String decode(Entry entry) {
      return entry.value();
    }

    @Override
    public String encode(String value) {
      return value;
    }
  };

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
