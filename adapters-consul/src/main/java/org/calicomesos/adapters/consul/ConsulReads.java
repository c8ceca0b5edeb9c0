package org.calicomesos.adapters.consul;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.Listing;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.kv.Value;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Reads in Consul's {@code consistent} mode (the leader checks it is still leader first), because the
 * IPAM decides its compare-and-swaps on what it reads. A listing's revision is the read's
 * {@code X-Consul-Index}: Consul's index of the prefix, which covers its deletes too.
 */
final class ConsulReads {
  private final ConsulCalls calls;

  ConsulReads(ConsulCalls calls) {
    this.calls = calls;
  }

  Optional<Entry> get(KeyValueClient.Api api, String key) {
    Response<List<Value>> response = calls.execute(api.getValue(ConsulKeys.toConsul(key), Map.of("consistent", "")));
    if (response.code() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccessful()) {
      throw calls.refused("read " + key, response);
    }
    return response.body() == null ? Optional.empty() : response.body().stream().findFirst().map(ConsulReads::entry);
  }

  Listing list(KeyValueClient.Api api, String prefix) {
    return list(api.getValue(ConsulKeys.prefixToConsul(prefix), Map.of("recurse", "", "consistent", "")), prefix);
  }

  /** A blocking list: answers once the prefix's index passes {@code index}, or after {@code wait}. */
  Call<List<Value>> blockingList(KeyValueClient.Api api, String prefix, long index, String wait) {
    return api.getValue(ConsulKeys.prefixToConsul(prefix),
        Map.of("recurse", "", "consistent", "", "index", Long.toString(index), "wait", wait));
  }

  Listing list(Call<List<Value>> call, String prefix) {
    Response<List<Value>> response = calls.execute(call);
    if (!response.isSuccessful() && response.code() != 404) {
      throw calls.refused("list " + prefix, response);
    }
    String index = response.headers().get("X-Consul-Index");
    List<Entry> entries = new ArrayList<>();
    if (response.code() != 404 && response.body() != null) {
      response.body().forEach(value -> entries.add(entry(value)));
    }
    entries.sort(Comparator.comparing(Entry::key));
    return new Listing(entries, index == null ? 0 : Long.parseLong(index));
  }

  private static Entry entry(Value value) {
    // Consul sends the value base64-encoded and omits it when empty; the port's values are never empty.
    String text = value.getValue().map(b64 -> new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8))
        .orElse("");
    return new Entry(ConsulKeys.fromConsul(value.getKey()), text, value.getModifyIndex());
  }
}
