package org.calicomesos.core.policy;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.ports.policy.SyncPolicyUseCase;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Keeps the model in step with the datastore and the kernel in step with the model. A policy equal to the one
 * last enforced is not applied again, so a resync after an outage that changed nothing touches nothing.
 */
public final class PolicySync implements SyncPolicyUseCase {
  private static final System.Logger LOG = System.getLogger(PolicySync.class.getName());

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName node;
  private final PolicyDataplane dataplane;
  private final PolicyModel model;
  private final MemberSets memberSets = new MemberSets();
  private Optional<HostPolicy> enforced = Optional.empty();
  private boolean changed;

  @Inject
  public PolicySync(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings, PolicyDataplane dataplane) {
    this.store = store;
    this.keys = keys;
    this.node = settings.node();
    this.dataplane = dataplane;
    this.model = new PolicyModel(keys);
  }

  @Override
  public List<String> watchedPrefixes() {
    return List.of(keys.v1Root());
  }

  @Override
  public long resync() {
    Listing listing = store.list(keys.v1Root());
    model.clear();
    listing.entries().forEach(model::put);
    changed = true;
    enforcePending();
    return listing.revision();
  }

  @Override
  public void absorb(List<WatchEvent> events) {
    for (WatchEvent event : events) {
      boolean relevant = event.type() == WatchEvent.Type.PUT
          ? model.put(new Entry(event.key(), event.value().orElseThrow(), event.revision()))
          : model.remove(event.key());
      changed |= relevant;
    }
  }

  @Override
  public boolean enforcePending() {
    if (!changed) {
      return false;
    }
    HostPolicy policy = PolicyCompiler.compile(model, node, memberSets);
    if (enforced.isPresent() && enforced.get().equals(policy)) {
      changed = false;
      return false;
    }
    long started = System.nanoTime();
    dataplane.enforce(policy); // on failure `changed` stays set, so the caller's next attempt retries
    changed = false;
    enforced = Optional.of(policy);
    LOG.log(Level.INFO, "enforced policy for {0} local endpoints, {1} network policies, {2} tags, {3} selectors and "
        + "{4} NAT outgoing pools in {5} ms", policy.endpoints().size(), policy.policies().size(),
        policy.tagSets().size(), policy.selectorSets().size(), policy.nat().natOutgoing().size(),
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }
}
