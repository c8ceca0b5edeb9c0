package org.calicomesos.app.crash;

import java.util.function.Supplier;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;

/** A store whose every write (create, update, delete) is a step of the {@link StepCounter}; reads pass through. */
final class StepCountingStore extends ForwardingKeyValueStore {
  private final DatastoreKeys keys;
  private final StepCounter steps;

  StepCountingStore(KeyValueStore delegate, DatastoreKeys keys, StepCounter steps) {
    super(delegate);
    this.keys = keys;
    this.steps = steps;
  }

  @Override
  public WriteOutcome create(String key, String value) {
    return counted("create", key, () -> super.create(key, value));
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    return counted("update", key, () -> super.update(key, value, expectedRevision));
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    return counted("delete", key, () -> super.delete(key, expectedRevision));
  }

  private WriteOutcome counted(String verb, String key, Supplier<WriteOutcome> write) {
    WriteOutcome outcome = null;
    try {
      outcome = write.get();
      return outcome;
    } finally {
      // A lost compare or a failed call is a step too: the request goes on from it, and may be killed there.
      String note = outcome == null ? " [failed]" : outcome.landed() ? "" : " [not written: "
          + outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "]";
      steps.after(verb + " " + KeyKind.described(keys, key) + note);
    }
  }
}
