package org.calicomesos.app.agent;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/** Hands a watch's callbacks, made on the adapter's thread, to the agent's own thread as signals. */
final class QueueingWatchListener implements WatchListener {
  private final BlockingQueue<AgentSignal> signals;

  QueueingWatchListener(BlockingQueue<AgentSignal> signals) {
    this.signals = signals;
  }

  @Override
  public void onEvents(List<WatchEvent> events) {
    signals.add(new AgentSignal.Changes(events));
  }

  @Override
  public void onCompacted(long oldestAvailableRevision) {
    signals.add(new AgentSignal.WatchEnded("the datastore no longer holds the changes since the last read "
        + "(compacted to revision " + oldestAvailableRevision + ")"));
  }

  @Override
  public void onError(DatastoreException error) {
    signals.add(new AgentSignal.WatchEnded(error.getMessage()));
  }
}
