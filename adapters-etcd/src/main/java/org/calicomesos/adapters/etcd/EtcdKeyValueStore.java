package org.calicomesos.adapters.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.TxnOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * The cluster-wide {@link KeyValueStore} on etcd v3. Each conditional write is one etcd transaction that
 * compares the key's version (create) or {@code mod_revision} (update, delete) and, when the compare
 * fails, reads the key in the same transaction, so a lost compare returns the current entry at no extra
 * cost. Reads are linearizable (jetcd's default). Writes are never retried blindly: when one fails
 * without an answer, the key is read back to learn whether it landed.
 */
public final class EtcdKeyValueStore implements KeyValueStore {
  private final String datastore;
  private final Client client;
  private final KV kv;
  private final EtcdCalls calls;
  private final List<EtcdWatch> watches = new CopyOnWriteArrayList<>();

  private EtcdKeyValueStore(String datastore, Client client, EtcdCalls calls) {
    this.datastore = datastore;
    this.client = client;
    this.kv = client.getKVClient();
    this.calls = calls;
  }

  /**
   * A store on the etcd the {@code ETCD_*} variables name. No connection is made yet.
   *
   * @param requestTimeout the whole request's budget; one etcd call may take 60 % of it, and reading
   *     back a write that went unanswered 25 %, so that the answer comes before the request's own deadline
   * @throws org.calicomesos.ports.kv.DatastoreException naming the variable that is missing or unusable
   */
  public static EtcdKeyValueStore open(Map<String, String> environment, Duration requestTimeout) {
    return open(environment, requestTimeout, List.of());
  }

  /** As above, with gRPC interceptors ahead of ours: tests use them to lose answers on the wire. */
  static EtcdKeyValueStore open(Map<String, String> environment, Duration requestTimeout,
      List<io.grpc.ClientInterceptor> testInterceptors) {
    EtcdSettings settings = EtcdSettings.fromEnvironment(environment);
    Duration call = requestTimeout.multipliedBy(6).dividedBy(10);
    Duration settle = requestTimeout.dividedBy(4);
    EtcdCalls calls = new EtcdCalls(settings.describe(), call, settle);
    return new EtcdKeyValueStore(settings.describe(), EtcdConnector.connect(settings, call, testInterceptors), calls);
  }

  @Override
  public Optional<Entry> get(String key) {
    Objects.requireNonNull(key, "key");
    return calls.read("read " + quote(key), () -> kv.get(bytes(key)), EtcdKeyValueStore::first);
  }

  @Override
  public Listing list(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    // One range request: its entries and header revision belong to one snapshot.
    return calls.read("list " + quote(prefix), () -> kv.get(rangeStart(prefix), rangeOf(prefix)),
        response -> listing(response, response.getHeader().getRevision()));
  }

  /**
   * One transaction with no compares and one range per prefix: etcd reads every range from one snapshot,
   * and the listings share the revision in the transaction's header, the snapshot's. etcd refuses a
   * transaction of more ranges than its {@code --max-txn-ops} (128 by default); that refusal is passed on
   * rather than the ranges split, which would cost the listings their one revision.
   */
  @Override
  public List<Listing> listAll(List<String> prefixes) {
    prefixes.forEach(prefix -> Objects.requireNonNull(prefix, "prefix"));
    Op[] ranges = prefixes.stream().map(prefix -> Op.get(rangeStart(prefix), rangeOf(prefix))).toArray(Op[]::new);
    return calls.read("list " + prefixes.stream().map(EtcdKeyValueStore::quote).collect(Collectors.joining(", ")),
        () -> kv.txn(TxnOption.DEFAULT).Then(ranges).commit(),
        response -> response.getGetResponses().stream()
            .map(range -> listing(range, response.getHeader().getRevision())).toList());
  }

  @Override
  public WriteOutcome create(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return write("create " + quote(key), key,
        () -> kv.txn(TxnOption.DEFAULT).If(new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0)))
            .Then(Op.put(bytes(key), bytes(value), PutOption.DEFAULT))
            .Else(Op.get(bytes(key), GetOption.DEFAULT)).commit(),
        response -> response.isSucceeded() ? written(key, value, response) : conflictOrMissing(key, response),
        current -> current.filter(entry -> entry.value().equals(value)).map(WriteOutcome.Written::new));
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return write("update " + quote(key), key,
        () -> kv.txn(TxnOption.DEFAULT).If(present(key), modifiedAt(key, expectedRevision))
            .Then(Op.put(bytes(key), bytes(value), PutOption.DEFAULT))
            .Else(Op.get(bytes(key), GetOption.DEFAULT)).commit(),
        response -> response.isSucceeded() ? written(key, value, response) : conflictOrMissing(key, response),
        current -> current.filter(entry -> entry.revision() != expectedRevision && entry.value().equals(value))
            .map(WriteOutcome.Written::new));
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    Objects.requireNonNull(key, "key");
    return write("delete " + quote(key), key,
        () -> kv.txn(TxnOption.DEFAULT).If(present(key), modifiedAt(key, expectedRevision))
            .Then(Op.delete(bytes(key), DeleteOption.DEFAULT))
            .Else(Op.get(bytes(key), GetOption.DEFAULT)).commit(),
        response -> response.isSucceeded() ? new WriteOutcome.Deleted(key) : conflictOrMissing(key, response),
        // Gone is what the caller asked for; whoever removed it, nothing is left to delete.
        current -> current.isEmpty() ? Optional.of(new WriteOutcome.Deleted(key)) : Optional.empty());
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(listener, "listener");
    EtcdWatch watch = new EtcdWatch(datastore, prefix, listener, watches::remove);
    watches.add(watch);
    watch.start(client.getWatchClient(), afterRevision);
    return watch;
  }

  @Override
  public String describe() {
    return datastore;
  }

  /** Ends the watches, then the client: its channel and its (daemon) threads. */
  @Override
  public void close() {
    watches.forEach(EtcdWatch::close);
    client.close();
  }

  @Override
  public String toString() {
    return datastore;
  }

  /**
   * Runs a conditional write; when it goes unanswered, reads the key back (within the settle budget):
   * {@code landed} recognises our own write there, which is then reported as done. A value equal to ours
   * is taken to be ours: the IPAM's values name the host and handle that wrote them. Anything else leaves
   * the outcome unknown, and the caller is told so instead of the write being sent again.
   */
  private WriteOutcome write(String action, String key,
      Supplier<CompletableFuture<TxnResponse>> txn,
      Function<TxnResponse, WriteOutcome> outcome, Function<Optional<Entry>, Optional<WriteOutcome>> landed) {
    try {
      return calls.write(action, txn, outcome);
    } catch (DatastoreUnavailableException unanswered) {
      Optional<Entry> current;
      try {
        current = calls.settle("read back " + quote(key), () -> kv.get(bytes(key)), EtcdKeyValueStore::first);
      } catch (DatastoreUnavailableException stillUnreachable) {
        unanswered.addSuppressed(stillUnreachable);
        throw unanswered;
      }
      return landed.apply(current).orElseThrow(() -> unanswered);
    }
  }

  private static Cmp present(String key) {
    return new Cmp(bytes(key), Cmp.Op.GREATER, CmpTarget.version(0));
  }

  private static Cmp modifiedAt(String key, long revision) {
    return new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(revision));
  }

  private static WriteOutcome written(String key, String value, TxnResponse response) {
    // A transaction with one put changes the store once: the header's revision is the key's mod_revision.
    return new WriteOutcome.Written(new Entry(key, value, response.getHeader().getRevision()));
  }

  private static WriteOutcome conflictOrMissing(String key, TxnResponse response) {
    List<KeyValue> found = response.getGetResponses().isEmpty() ? List.of() : response.getGetResponses().get(0).getKvs();
    return found.isEmpty() ? new WriteOutcome.Missing(key) : new WriteOutcome.Conflict(entry(found.get(0)));
  }

  /** etcd answers a range in key order. An empty prefix is the whole key space: from "\0" to the end. */
  private static ByteSequence rangeStart(String prefix) {
    return bytes(prefix.isEmpty() ? "\0" : prefix);
  }

  private static GetOption rangeOf(String prefix) {
    return prefix.isEmpty() ? GetOption.builder().withRange(bytes("\0")).build()
        : GetOption.builder().isPrefix(true).build();
  }

  private static Listing listing(GetResponse range, long revision) {
    return new Listing(range.getKvs().stream().map(EtcdKeyValueStore::entry).toList(), revision);
  }

  private static Optional<Entry> first(GetResponse response) {
    return response.getKvs().stream().findFirst().map(EtcdKeyValueStore::entry);
  }

  static Entry entry(KeyValue kv) {
    return new Entry(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().toString(StandardCharsets.UTF_8),
        kv.getModRevision());
  }

  static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }
}
