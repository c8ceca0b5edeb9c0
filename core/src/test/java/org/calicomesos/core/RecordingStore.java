package org.calicomesos.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;

/** A store that names each operation it forwards (blocks under /calico by kind only, since their keys depend on the pool's layout). */
public final class RecordingStore extends ForwardingKeyValueStore {
  public final List<String> operations = new ArrayList<>();

  public RecordingStore(KeyValueStore delegate) {
    super(delegate);
  }

  private static String name(String key) {
    return key.startsWith(new DatastoreKeys("/calico").blockPrefix(IpFamily.V4)) ? "block" : key;
  }

  @Override
  public Optional<Entry> get(String key) {
    operations.add("get " + name(key));
    return super.get(key);
  }

  @Override
  public Listing list(String prefix) {
    operations.add("list " + prefix);
    return super.list(prefix);
  }

  /** One round trip: named {@code list A + B}. */
  @Override
  public List<Listing> listAll(List<String> prefixes) {
    operations.add("list " + String.join(" + ", prefixes));
    return super.listAll(prefixes);
  }

  @Override
  public WriteOutcome create(String key, String value) {
    operations.add("create " + name(key));
    return super.create(key, value);
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    operations.add("update " + name(key));
    return super.update(key, value, expectedRevision);
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    operations.add("delete " + name(key));
    return super.delete(key, expectedRevision);
  }
}
