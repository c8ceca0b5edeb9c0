package org.calicomesos.testkit.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.kv.WriteOutcome.Conflict;
import org.calicomesos.ports.kv.WriteOutcome.Deleted;
import org.calicomesos.ports.kv.WriteOutcome.Missing;
import org.calicomesos.ports.kv.WriteOutcome.Written;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link KeyValueStore} adapter must show, run against its real backend. A subclass
 * supplies only the store; each test works under its own random key root, so a store shared between
 * tests (a long-running etcd) is fine.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class KeyValueStoreContract {
  /** Generous, because a watch may poll and CI machines are slow; awaiting returns as soon as it can. */
  public static final Duration AWAIT = Duration.ofSeconds(30);
  private static final int THREADS = 8;
  private static final int INCREMENTS_PER_THREAD = 25;
  private static final int CONCURRENT_WRITES = 50;

  /** The store under test, fresh for each test. */
  protected KeyValueStore store;
  private String root;
  private final List<Watch> watches = new ArrayList<>();

  /** A store on the adapter's real backend; called once before each test. */
  protected abstract KeyValueStore newStore();

  /** Runs after each test, once the store is closed (drop a temporary database, stop a server...). */
  protected void cleanUp() throws Exception {}

  /**
   * Whether the store answers {@link KeyValueStore#listAll} in one read, so that its listings share one
   * revision. Every adapter whose store can should; one that cannot says why where it returns false, and
   * the tests of that one shared revision are then skipped for it.
   */
  protected boolean readsSeveralRangesAtOnce() {
    return true;
  }

  @BeforeEach
  final void openStore(TestInfo test) {
    String name = test.getTestMethod().map(Method::getName).orElse("test");
    root = "/contract/" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    store = newStore();
  }

  @AfterEach
  final void closeStore() throws Exception {
    try {
      watches.forEach(Watch::close);
      store.close();
    } finally {
      cleanUp();
    }
  }

  /** An absolute key under this test's own root. */
  protected final String key(String path) {
    return root + path;
  }

  @Test
  void createOfAnAbsentKeyWritesItAtAPositiveRevision() {
    Entry entry = written(store.create(key("a"), "{\"n\":1}"));

    assertThat(entry.key()).isEqualTo(key("a"));
    assertThat(entry.value()).isEqualTo("{\"n\":1}");
    assertThat(entry.revision()).isPositive();
    assertThat(store.get(key("a"))).contains(entry);
  }

  @Test
  void createOfAPresentKeyConflictsWithTheEntryAlreadyThere() {
    Entry first = written(store.create(key("a"), "\"first\""));

    WriteOutcome second = store.create(key("a"), "\"second\"");

    assertThat(second).isEqualTo(new Conflict(first));
    assertThat(second.landed()).isFalse();
    assertThat(store.get(key("a"))).contains(first);
  }

  @Test
  void getOfAnAbsentKeyIsEmpty() {
    store.create(key("present"), "1");

    assertThat(store.get(key("absent"))).isEmpty();
    assertThat(store.get(key("presen"))).isEmpty();
  }

  @Test
  void updateAtTheCurrentRevisionWritesANewerEntry() {
    Entry before = written(store.create(key("a"), "1"));

    Entry after = written(store.update(key("a"), "2", before.revision()));

    assertThat(after.key()).isEqualTo(key("a"));
    assertThat(after.value()).isEqualTo("2");
    assertThat(after.revision()).isGreaterThan(before.revision());
    assertThat(store.get(key("a"))).contains(after);
  }

  @Test
  void updateAtAStaleRevisionConflictsWithTheCurrentEntryAndChangesNothing() {
    Entry first = written(store.create(key("a"), "1"));
    Entry current = written(store.update(key("a"), "2", first.revision()));

    WriteOutcome stale = store.update(key("a"), "3", first.revision());

    assertThat(stale).isEqualTo(new Conflict(current));
    assertThat(store.get(key("a"))).contains(current);
  }

  @Test
  void updateOfAMissingKeyIsMissing() {
    Entry other = written(store.create(key("other"), "1"));

    assertThat(store.update(key("a"), "1", other.revision())).isEqualTo(new Missing(key("a")));
    assertThat(store.get(key("a"))).isEmpty();
  }

  @Test
  void deleteAtTheCurrentRevisionRemovesTheKey() {
    Entry entry = written(store.create(key("a"), "1"));

    assertThat(store.delete(key("a"), entry.revision())).isEqualTo(new Deleted(key("a")));
    assertThat(store.get(key("a"))).isEmpty();
    assertThat(store.list(key("")).entries()).isEmpty();
  }

  @Test
  void deleteAtAStaleRevisionConflictsWithTheCurrentEntryAndKeepsIt() {
    Entry first = written(store.create(key("a"), "1"));
    Entry current = written(store.update(key("a"), "2", first.revision()));

    assertThat(store.delete(key("a"), first.revision())).isEqualTo(new Conflict(current));
    assertThat(store.get(key("a"))).contains(current);
  }

  @Test
  void deleteOrUpdateOfAKeyAlreadyGoneIsMissing() {
    Entry entry = written(store.create(key("a"), "1"));
    assertThat(store.delete(key("a"), entry.revision()).landed()).isTrue();

    assertThat(store.delete(key("a"), entry.revision())).isEqualTo(new Missing(key("a")));
    assertThat(store.update(key("a"), "2", entry.revision())).isEqualTo(new Missing(key("a")));
  }

  @Test
  void aDeletedKeyCanBeCreatedAgainAtANewerRevision() {
    Entry old = written(store.create(key("a"), "1"));
    store.delete(key("a"), old.revision());

    Entry again = written(store.create(key("a"), "2"));

    assertThat(again.revision()).isGreaterThan(old.revision());
    assertThat(store.get(key("a"))).contains(again);
  }

  @Test
  void revisionsStrictlyIncreaseAcrossWritesToDifferentKeys() {
    Entry a = written(store.create(key("a"), "1"));
    Entry b = written(store.create(key("b"), "1"));
    Entry a2 = written(store.update(key("a"), "2", a.revision()));
    store.delete(key("b"), b.revision());
    Entry c = written(store.create(key("c"), "1"));

    assertThat(List.of(a.revision(), b.revision(), a2.revision(), c.revision())).isSorted().doesNotHaveDuplicates();
    assertThat(c.revision()).isGreaterThan(a2.revision() + 1); // the delete took a revision in between
  }

  @Test
  void listIsAPlainStringPrefixWithExactBoundaries() {
    for (String path : List.of("a/b", "a/b/", "a/b/1", "a/b/2/deep", "a/bc", "a/bc/1", "a/a", "a/c", "b/a/b/1")) {
      written(store.create(key(path), "\"" + path + "\""));
    }

    assertThat(keysOf(store.list(key("a/b/")))).containsExactly(key("a/b/"), key("a/b/1"), key("a/b/2/deep"));
    assertThat(keysOf(store.list(key("a/b"))))
        .containsExactly(key("a/b"), key("a/b/"), key("a/b/1"), key("a/b/2/deep"), key("a/bc"), key("a/bc/1"));
    assertThat(keysOf(store.list(key("a/b/1")))).containsExactly(key("a/b/1"));
    assertThat(keysOf(store.list(key("a/d")))).isEmpty();
  }

  @Test
  void listReturnsEntriesInKeyOrderWithTheirValues() {
    List<String> shuffled = List.of("m", "b/2", "z", "a", "b/10", "b/1", "A", "b-");
    for (String path : shuffled) {
      written(store.create(key(path), "\"" + path + "\""));
    }

    Listing listing = store.list(key(""));

    assertThat(keysOf(listing)).isSorted().hasSize(shuffled.size());
    for (Entry entry : listing.entries()) {
      assertThat(store.get(entry.key())).contains(entry);
    }
  }

  @Test
  void listRevisionIsAtLeastEveryListedEntrysRevision() {
    Entry a = written(store.create(key("a"), "1"));
    written(store.create(key("b"), "1"));
    written(store.update(key("a"), "2", a.revision()));

    for (String prefix : List.of(key(""), key("a"), key("b"))) {
      Listing listing = store.list(prefix);
      assertThat(listing.entries()).isNotEmpty()
          .allSatisfy(entry -> assertThat(listing.revision()).isGreaterThanOrEqualTo(entry.revision()));
    }
  }

  @Test
  void listAllGivesEachPrefixTheListingListGives() {
    for (String path : List.of("a/1", "a/2", "a/b/1", "b/1", "b/2/deep", "c")) {
      written(store.create(key(path), "\"" + path + "\""));
    }
    Entry a1 = store.get(key("a/1")).orElseThrow();
    written(store.update(key("a/1"), "\"a/1 again\"", a1.revision()));
    List<String> prefixes = List.of(key("a/"), key("b/"), key("c"), key(""));

    List<Listing> listings = store.listAll(prefixes);

    assertThat(listings).hasSameSizeAs(prefixes);
    for (int i = 0; i < prefixes.size(); i++) {
      assertThat(listings.get(i).entries()).as("the listing of %s", prefixes.get(i))
          .isNotEmpty().isEqualTo(store.list(prefixes.get(i)).entries());
    }
  }

  @Test
  void listAllAnswersInThePrefixesOrderRepeatsAndEmptyPrefixesIncluded() {
    for (String path : List.of("a/1", "a/2", "b/1", "b/2")) {
      written(store.create(key(path), "\"" + path + "\""));
    }

    List<Listing> listings = store.listAll(List.of(key("b/"), key("none/"), key("a/"), key("b/")));

    assertThat(listings).extracting(KeyValueStoreContract::keysOf).containsExactly(
        List.of(key("b/1"), key("b/2")),
        List.of(),
        List.of(key("a/1"), key("a/2")),
        List.of(key("b/1"), key("b/2")));
  }

  @Test
  void listAllOfNoPrefixesIsEmpty() {
    written(store.create(key("a"), "1"));

    assertThat(store.listAll(List.of())).isEmpty();
  }

  @Test
  void listAllGivesOverlappingPrefixesEachTheirFullAnswer() {
    for (String path : List.of("a/b", "a/b/1", "a/bc", "a/a", "a/c")) {
      written(store.create(key(path), "\"" + path + "\""));
    }

    List<Listing> listings = store.listAll(List.of(key("a/"), key("a/b"), key("a/")));

    assertThat(keysOf(listings.get(0)))
        .containsExactly(key("a/a"), key("a/b"), key("a/b/1"), key("a/bc"), key("a/c"));
    assertThat(keysOf(listings.get(1))).containsExactly(key("a/b"), key("a/b/1"), key("a/bc"));
    assertThat(listings.get(2)).isEqualTo(listings.get(0));
  }

  @Test
  void listAllRevisionsAreAtLeastEveryListedEntrysRevision() {
    Entry a = written(store.create(key("a/1"), "1"));
    written(store.create(key("b/1"), "1"));
    written(store.update(key("a/1"), "2", a.revision()));

    for (Listing listing : store.listAll(List.of(key("a/"), key("b/"), key("")))) {
      assertThat(listing.entries()).isNotEmpty()
          .allSatisfy(entry -> assertThat(listing.revision()).isGreaterThanOrEqualTo(entry.revision()));
    }
  }

  @Test
  void listAllRevisionsCountADeleteMadeBeforeThem() {
    written(store.create(key("a/1"), "1"));
    Entry gone = written(store.create(key("a/2"), "1"));
    assertThat(store.delete(key("a/2"), gone.revision()).landed()).isTrue();

    // The delete took a revision after the newest entry left: a listing at that entry's revision would
    // still have held a/2, so it is not the revision these listings were read at.
    assertThat(store.listAll(List.of(key("a/"), key("a/2"))))
        .allSatisfy(listing -> assertThat(listing.revision()).isGreaterThan(gone.revision()));
  }

  @Test
  void listAllListingsShareOneRevision() {
    assumeTrue(readsSeveralRangesAtOnce(), "this store cannot read several ranges at once");
    Entry a = written(store.create(key("a/1"), "1"));
    written(store.create(key("b/1"), "1"));
    Entry last = written(store.update(key("a/1"), "2", a.revision()));

    List<Listing> listings = store.listAll(List.of(key("a/"), key("b/"), key("none/"), key("")));

    long revision = listings.get(0).revision();
    assertThat(listings).extracting(Listing::revision).containsOnly(revision);
    assertThat(revision).isGreaterThanOrEqualTo(last.revision());
    assertThat(listings).flatExtracting(Listing::entries)
        .allSatisfy(entry -> assertThat(revision).isGreaterThanOrEqualTo(entry.revision()));
  }

  @Test
  void writesLandingDuringListAllCannotMakeItsListingsDisagree() throws Exception {
    assumeTrue(readsSeveralRangesAtOnce(), "this store cannot read several ranges at once");
    // The writer sets x to n, then y to n: at any one revision x is y or one ahead of it.
    Entry x = written(store.create(key("x"), "0"));
    Entry y = written(store.create(key("y"), "0"));
    AtomicBoolean writing = new AtomicBoolean(true);

    List<Integer> listed = ConcurrentRun.of(2, AWAIT.multipliedBy(2), thread -> {
      if (thread == 0) {
        try {
          Entry xNow = x;
          Entry yNow = y;
          for (int n = 1; n <= CONCURRENT_WRITES; n++) {
            xNow = written(store.update(key("x"), String.valueOf(n), xNow.revision()));
            yNow = written(store.update(key("y"), String.valueOf(n), yNow.revision()));
          }
          return 0;
        } finally {
          writing.set(false);
        }
      }
      int calls = 0;
      do {
        List<Listing> listings = store.listAll(List.of(key("x"), key("y")));
        long xSeen = Long.parseLong(listings.get(0).entries().get(0).value());
        long ySeen = Long.parseLong(listings.get(1).entries().get(0).value());
        assertThat(xSeen - ySeen).as("x at %d, y at %d", xSeen, ySeen).isBetween(0L, 1L);
        assertThat(listings.get(0).revision()).isEqualTo(listings.get(1).revision());
        calls++;
      } while (writing.get());
      return calls;
    });

    assertThat(listed.get(1)).isPositive();
  }

  @ParameterizedTest
  @MethodSource("org.calicomesos.testkit.kv.AwkwardValues#values")
  void valuesRoundTripByteExactly(String value) {
    WatchEvent seen = watchFor(key(""), store.list(key("")).revision(), () -> {
      Entry created = written(store.create(key("v"), value));
      assertThat(created.value()).isEqualTo(value);
    });

    assertThat(store.get(key("v")).map(Entry::value)).contains(value);
    assertThat(store.list(key("")).entries()).singleElement().extracting(Entry::value).isEqualTo(value);
    assertThat(seen.value()).contains(value);
    Entry current = store.get(key("v")).orElseThrow();
    Entry updated = written(store.update(key("v"), value + "\n", current.revision()));
    assertThat(store.get(key("v"))).contains(updated);
    assertThat(updated.value()).isEqualTo(value + "\n");
  }

  @Test
  void watchReplaysLaterChangesInRevisionOrderThenDeliversLiveOnes() {
    Entry start = written(store.create(key("w/a"), "1"));
    Entry b = written(store.create(key("w/b"), "2"));
    Entry a2 = written(store.update(key("w/a"), "3", start.revision()));
    assertThat(store.delete(key("w/b"), b.revision()).landed()).isTrue();
    RecordingWatchListener listener = new RecordingWatchListener();

    watches.add(store.watch(key("w/"), start.revision(), listener));
    List<WatchEvent> replayed = listener.awaitEvents(3, AWAIT);
    Entry live = written(store.create(key("w/c"), "4"));
    List<WatchEvent> all = listener.awaitEvents(4, AWAIT);

    assertThat(replayed.subList(0, 2)).containsExactly(WatchEvent.put(b), WatchEvent.put(a2));
    WatchEvent deletion = replayed.get(2);
    assertThat(deletion.type()).isEqualTo(WatchEvent.Type.DELETE);
    assertThat(deletion.key()).isEqualTo(key("w/b"));
    assertThat(deletion.value()).isEmpty();
    assertThat(deletion.revision()).isGreaterThan(a2.revision()).isLessThan(live.revision());
    assertThat(all).hasSize(4).last().isEqualTo(WatchEvent.put(live));
    assertThat(all).extracting(WatchEvent::revision).isSorted().doesNotHaveDuplicates();
    assertThat(listener.emptyBatches()).isZero();
    assertThat(listener.callbackThreads()).doesNotContain(Thread.currentThread());
  }

  @Test
  void watchSeesOnlyChangesUnderItsPrefix() {
    Entry marker = written(store.create(key("marker"), "0"));
    RecordingWatchListener listener = new RecordingWatchListener();
    watches.add(store.watch(key("w/a/"), marker.revision(), listener));

    for (String path : List.of("w/a", "w/ab", "w/b/1", "w/a/1", "x/w/a/1", "w/a/")) {
      written(store.create(key(path), "1"));
    }
    Entry last = written(store.create(key("w/a/2"), "2"));

    List<WatchEvent> events = listener.awaitEvent(e -> e.revision() == last.revision(), "the last write", AWAIT);
    assertThat(events).extracting(WatchEvent::key).containsExactly(key("w/a/1"), key("w/a/"), key("w/a/2"));
  }

  @Test
  void watchFromAListingsRevisionDeliversOnlyLaterChanges() {
    written(store.create(key("w/before"), "1"));
    Listing listing = store.list(key("w/"));
    RecordingWatchListener listener = new RecordingWatchListener();

    watches.add(store.watch(key("w/"), listing.revision(), listener));
    Entry after = written(store.create(key("w/after"), "2"));

    List<WatchEvent> events = listener.awaitEvents(1, AWAIT);
    assertThat(events).containsExactly(WatchEvent.put(after));
  }

  @Test
  void closingAWatchStopsDelivery() {
    Entry start = written(store.create(key("w/start"), "0"));
    RecordingWatchListener closed = new RecordingWatchListener();
    Watch watch = store.watch(key("w/"), start.revision(), closed);
    Entry seen = written(store.create(key("w/seen"), "1"));
    closed.awaitEvents(1, AWAIT);

    watch.close();
    watch.close(); // idempotent
    Entry unseen = written(store.create(key("w/unseen"), "2"));
    // A second watch proves the later writes were deliverable, and gives the first time to misbehave.
    RecordingWatchListener witness = new RecordingWatchListener();
    watches.add(store.watch(key("w/"), seen.revision(), witness));
    witness.awaitEvents(1, AWAIT);
    Entry later = written(store.create(key("w/later"), "3"));
    witness.awaitEvent(e -> e.revision() == later.revision(), "the later write", AWAIT);

    assertThat(witness.events()).containsExactly(WatchEvent.put(unseen), WatchEvent.put(later));
    assertThat(closed.events()).containsExactly(WatchEvent.put(seen));
  }

  @Test
  void concurrentCompareAndSwapIncrementsLoseNoUpdate() throws Exception {
    String counter = key("counter");
    written(store.create(counter, "0"));

    List<List<Long>> revisionsPerThread = ConcurrentRun.of(THREADS, AWAIT.multipliedBy(3), thread -> {
      List<Long> revisions = new ArrayList<>();
      for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
        revisions.add(increment(counter));
      }
      return revisions;
    });

    List<Long> revisions = revisionsPerThread.stream().flatMap(List::stream).toList();
    assertThat(revisions).hasSize(THREADS * INCREMENTS_PER_THREAD).doesNotHaveDuplicates();
    assertThat(store.get(counter).map(Entry::value)).contains(String.valueOf(revisions.size()));
  }

  @Test
  void concurrentCreatesOfOneKeyLetExactlyOneWrite() throws Exception {
    String contested = key("contested");

    List<WriteOutcome> outcomes =
        ConcurrentRun.of(THREADS, AWAIT, thread -> store.create(contested, "\"thread " + thread + "\""));

    List<Entry> winners = outcomes.stream()
        .filter(Written.class::isInstance).map(o -> ((Written) o).entry()).toList();
    assertThat(winners).hasSize(1);
    Entry winner = winners.get(0);
    assertThat(outcomes).filteredOn(o -> !o.landed())
        .hasSize(THREADS - 1)
        .allSatisfy(o -> assertThat(o).isEqualTo(new Conflict(winner)));
    assertThat(store.get(contested)).contains(winner);
  }

  @Test
  void describeNamesTheStore() {
    assertThat(store.describe()).isNotBlank();
  }

  @Test
  void closeIsIdempotent() {
    store.close();
    store.close();
  }

  /** Asserts a write landed as {@link Written} and returns its entry. */
  public static Entry written(WriteOutcome outcome) {
    assertThat(outcome).isInstanceOf(Written.class);
    return ((Written) outcome).entry();
  }

  /** One compare-and-swap increment, retried on a lost compare from the entry the conflict carries. */
  private long increment(String counter) {
    Entry current = store.get(counter).orElseThrow();
    for (int attempt = 0; attempt < 100_000; attempt++) {
      String next = String.valueOf(Long.parseLong(current.value()) + 1);
      WriteOutcome outcome = store.update(counter, next, current.revision());
      if (outcome instanceof Written w) {
        return w.entry().revision();
      }
      assertThat(outcome).isInstanceOf(Conflict.class);
      current = ((Conflict) outcome).current();
    }
    throw new AssertionError("increment of " + counter + " kept losing its compare");
  }

  /** Runs {@code write} with a watch on {@code prefix} open and returns the first event it sees. */
  private WatchEvent watchFor(String prefix, long afterRevision, Runnable write) {
    RecordingWatchListener listener = new RecordingWatchListener();
    watches.add(store.watch(prefix, afterRevision, listener));
    write.run();
    return listener.awaitEvents(1, AWAIT).get(0);
  }

  private static List<String> keysOf(Listing listing) {
    return listing.entries().stream().map(Entry::key).toList();
  }
}
