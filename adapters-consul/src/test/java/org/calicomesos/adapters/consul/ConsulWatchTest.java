package org.calicomesos.adapters.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.testkit.kv.KeyValueStoreContract.AWAIT;
import static org.calicomesos.testkit.kv.KeyValueStoreContract.written;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.calicomesos.testkit.server.ConsulServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a watch does on Consul, which keeps no history: replay when provable, else onCompacted. */
class ConsulWatchTest {
  private static ConsulServer consul;
  private KeyValueStore store;
  private String root;

  @BeforeAll
  static void startConsul() {
    consul = ConsulServer.start();
  }

  @AfterAll
  static void stopConsul() {
    if (consul != null) {
      consul.close();
    }
  }

  @BeforeEach
  void openStore() {
    store = ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofSeconds(5)));
    root = "/watch/" + UUID.randomUUID() + "/";
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aWatchFromAListingsRevisionReplaysLaterPutsAndDeletes() {
    Entry a = written(store.create(root + "a", "1"));
    Entry b = written(store.create(root + "b", "1"));
    Listing listing = store.list(root);
    Entry a2 = written(store.update(root + "a", "2", a.revision()));
    assertThat(store.delete(root + "b", b.revision()).landed()).isTrue();
    RecordingWatchListener listener = new RecordingWatchListener();

    try (Watch watch = store.watch(root, listing.revision(), listener)) {
      List<WatchEvent> events = listener.awaitEvents(2, AWAIT);
      Entry live = written(store.create(root + "c", "3"));
      List<WatchEvent> all = listener.awaitEvents(3, AWAIT);

      assertThat(events.get(0)).isEqualTo(WatchEvent.put(a2));
      assertThat(events.get(1).type()).isEqualTo(WatchEvent.Type.DELETE);
      assertThat(events.get(1).key()).isEqualTo(root + "b");
      assertThat(events.get(1).revision()).isGreaterThan(a2.revision()).isLessThan(live.revision());
      assertThat(all.get(2)).isEqualTo(WatchEvent.put(live));
      assertThat(listener.compactedAt()).isEmpty();
    }
  }

  @Test
  void aWatchFromARevisionItCannotProveCompleteIsToldItWasCompacted() {
    Entry a = written(store.create(root + "a", "1"));
    Entry b = written(store.create(root + "b", "1"));
    assertThat(store.delete(root + "b", b.revision()).landed()).isTrue();
    RecordingWatchListener listener = new RecordingWatchListener();

    try (Watch watch = store.watch(root, a.revision(), listener)) {
      long oldest = listener.awaitCompacted(AWAIT);

      assertThat(oldest).isGreaterThan(b.revision());
      assertThat(listener.events()).isEmpty();
      // The port's recovery: list again, and watch from the listing.
      Listing listing = store.list(root);
      RecordingWatchListener resync = new RecordingWatchListener();
      try (Watch again = store.watch(root, listing.revision(), resync)) {
        Entry c = written(store.create(root + "c", "1"));
        assertThat(resync.awaitEvents(1, AWAIT)).containsExactly(WatchEvent.put(c));
      }
    }
  }

  @Test
  void aWatchFromTheCurrentRevisionNeedsNoListing() {
    Entry a = written(store.create(root + "a", "1"));
    RecordingWatchListener listener = new RecordingWatchListener();

    try (Watch watch = store.watch(root, a.revision(), listener)) {
      assertThat(store.delete(root + "a", a.revision()).landed()).isTrue();

      List<WatchEvent> events = listener.awaitEvents(1, AWAIT);
      assertThat(events).singleElement().satisfies(event -> {
        assertThat(event.type()).isEqualTo(WatchEvent.Type.DELETE);
        assertThat(event.revision()).isGreaterThan(a.revision());
      });
    }
  }
}
