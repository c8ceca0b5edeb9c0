package org.calicomesos.core.endpoint;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.endpoint.EndpointNotFoundException;
import org.calicomesos.ports.endpoint.LabelEndpointUseCase;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code endpoint label}: rewrites the labels of a container's endpoint records, one compare-and-swap each, keeping
 * everything else of the record. A record this version cannot read is left alone and still counted as found, so an
 * unreadable record never looks like a missing container.
 */
public final class EndpointLabelService implements LabelEndpointUseCase {
  private static final int MAX_KEY = 253;
  private static final int MAX_VALUE = 1024;

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final ListEndpointsService listing;
  private final CasLoop cas;

  @Inject
  public EndpointLabelService(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    this.listing = new ListEndpointsService(store, keys);
    this.cas = new CasLoop(store);
  }

  @Override
  public List<WorkloadEndpoint> label(ContainerId container, Optional<NodeName> host, Map<String, String> set,
      Set<String> remove) {
    set.forEach(EndpointLabelService::check);
    remove.forEach(key -> check(key, ""));
    String prefix = host.map(node -> keys.endpointPrefix(node, container)).orElse(keys.hostRoot());
    boolean found = false;
    for (Entry entry : store.list(prefix).entries()) {
      if (keys.parseEndpoint(entry.key()).filter(key -> key.container().equals(container)).isEmpty()) {
        continue;
      }
      found = true;
      if (EndpointCodec.ENDPOINT.readout(entry).value().isEmpty()) {
        continue;
      }
      cas.update(entry.key(), Optional.of(entry), EndpointCodec.ENDPOINT, current -> {
        if (current.isEmpty()) {
          return Step.keep(null); // removed since the listing: nothing left to label
        }
        Map<String, String> labels = new LinkedHashMap<>(current.get().labels());
        labels.putAll(set);
        remove.forEach(labels::remove);
        return labels.equals(current.get().labels()) ? Step.keep(null)
            : Step.put(current.get().withLabels(labels), null);
      });
    }
    if (!found) {
      throw new EndpointNotFoundException(container, host);
    }
    return listing.ofContainer(container, host);
  }

  private static void check(String key, String value) {
    if (key.isBlank() || key.length() > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("label key '" + Excerpt.of(key) + "' must be 1 to " + MAX_KEY
          + " characters, none of them a control character");
    }
    if (value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("the value of label '" + Excerpt.of(key) + "' must be at most " + MAX_VALUE
          + " characters, none of them a control character");
    }
  }
}
