package org.calicomesos.adapters.consul;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WriteOutcome;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.kv.ImmutableOperation;
import org.kiwiproject.consul.model.kv.Operation;
import org.kiwiproject.consul.model.kv.TxResponse;
import org.kiwiproject.consul.model.kv.Value;
import retrofit2.Response;

/**
 * Compare-and-swap writes as one-operation Consul transactions: verb {@code cas} with index 0 (create
 * only if absent — Consul's {@code ?cas=0}) or with the expected {@code ModifyIndex}, and
 * {@code check-index} with {@code delete-cas}. A transaction, not a plain {@code PUT ?cas=}, because a plain PUT answers only
 * true/false while the transaction returns the entry's new {@code ModifyIndex} atomically, and
 * consul-client's DELETE drops Consul's true/false altogether. A lost compare answers 409; the entry is
 * then re-read (consistently) to tell a changed key from a missing one.
 */
final class ConsulWrites {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int ROLLED_BACK = 409;
  private final ConsulCalls calls;
  private final ConsulReads reads;
  private final KeyValueClient.Api api;

  ConsulWrites(ConsulCalls calls, ConsulReads reads, KeyValueClient.Api api) {
    this.calls = calls;
    this.reads = reads;
    this.api = api;
  }

  WriteOutcome create(String key, String value) {
    // The key can vanish between the lost compare and the re-read; then the create is tried again.
    for (int attempt = 0; attempt < 10; attempt++) {
      Optional<Long> index = setIfIndex(key, value, 0, "create " + key);
      if (index.isPresent()) {
        return new WriteOutcome.Written(new Entry(key, value, index.get()));
      }
      Optional<Entry> current = reads.get(api, key);
      if (current.isPresent()) {
        return new WriteOutcome.Conflict(current.get());
      }
    }
    throw new DatastoreException("cannot create " + key + ": it kept appearing and vanishing");
  }

  WriteOutcome update(String key, String value, long expectedRevision) {
    Optional<Long> index = setIfIndex(key, value, expectedRevision, "update " + key);
    if (index.isPresent()) {
      return new WriteOutcome.Written(new Entry(key, value, index.get()));
    }
    return lostCompare(key);
  }

  WriteOutcome delete(String key, long expectedRevision) {
    // Consul's delete-cas of an absent key reports success, so the index is checked first in the same
    // transaction: check-index fails on an absent key as on a changed one.
    String consulKey = ConsulKeys.toConsul(key);
    BigInteger index = BigInteger.valueOf(expectedRevision);
    Operation check = ImmutableOperation.builder().verb("check-index").key(consulKey).index(index).build();
    Operation delete = ImmutableOperation.builder().verb("delete-cas").key(consulKey).index(index).build();
    if (transaction("delete " + key, check, delete).isPresent()) {
      return new WriteOutcome.Deleted(key);
    }
    return lostCompare(key);
  }

  /** The new ModifyIndex, or empty when the compare was lost. */
  private Optional<Long> setIfIndex(String key, String value, long expectedIndex, String action) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("values are never empty (Consul cannot tell empty from none)");
    }
    Operation set = ImmutableOperation.builder().verb("cas").key(ConsulKeys.toConsul(key)).value(value)
        .index(BigInteger.valueOf(expectedIndex)).build();
    return transaction(action, set).map(response -> response.results().stream()
        .map(result -> result.get("KV")).filter(kv -> kv != null).findFirst().map(Value::getModifyIndex)
        .orElseThrow(() -> new DatastoreException("cannot " + action + ": Consul's answer carries no index")));
  }

  private WriteOutcome lostCompare(String key) {
    return reads.get(api, key).<WriteOutcome>map(WriteOutcome.Conflict::new)
        .orElseGet(() -> new WriteOutcome.Missing(key));
  }

  /** The transaction's answer, or empty when Consul rolled it back because the compare failed. */
  private Optional<TxResponse> transaction(String action, Operation... operations) {
    Response<TxResponse> response = calls.execute(api.performTransaction(body(operations), Map.of()));
    if (response.isSuccessful()) {
      return Optional.of(response.body());
    }
    if (response.code() == ROLLED_BACK) {
      String errors = calls.errorBody(response);
      // An ACL refusal inside a transaction is also a rollback; it must not pass for a lost compare.
      if (errors.contains("Permission denied") || errors.contains("ACL not found")) {
        throw calls.permissionDenied(action, errors);
      }
      return Optional.empty();
    }
    throw calls.refused(action, response);
  }

  private static RequestBody body(Operation... operations) {
    List<Map<String, Operation>> wrapped = Stream.of(operations).map(operation -> Map.of("KV", operation)).toList();
    try {
      return RequestBody.create(ConsulJson.MAPPER.writeValueAsBytes(wrapped), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a Consul transaction: " + e.getMessage(), e);
    }
  }
}
