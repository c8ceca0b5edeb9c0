package org.calicomesos.core.networkpolicy;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.cas.Step;
import org.calicomesos.core.profile.ProfileCodecs;
import org.calicomesos.core.rule.EndpointLabels;
import org.calicomesos.core.rule.PolicyOrder;
import org.calicomesos.core.rule.PolicyRecords;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.PolicyNotFoundException;
import org.calicomesos.ports.policy.PolicySelection;
import org.calicomesos.ports.policy.PolicyWrite;
import org.calicomesos.ports.policy.StoredPolicy;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code policy apply|delete|list|show} on the policy records, and which policies select an endpoint. Writes compare
 * the stored text with ours, so a record another writer spoiled is replaced rather than failing the apply.
 */
public final class NetworkPolicyService implements ManagePoliciesUseCase {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final CasLoop cas;

  @Inject
  public NetworkPolicyService(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    this.cas = new CasLoop(store);
  }

  @Override
  public List<PolicyWrite> apply(List<NetworkPolicy> policies) {
    List<PolicyWrite> writes = new ArrayList<>(policies.size());
    for (NetworkPolicy policy : policies) {
      String wanted = PolicyRecords.encode(policy);
      PolicyWrite.Outcome outcome = cas.update(keys.policy(policy.name()), Codec.STORED_TEXT, current -> {
        if (current.isEmpty()) {
          return Step.put(wanted, PolicyWrite.Outcome.CREATED);
        }
        return current.get().equals(wanted)
            ? Step.keep(PolicyWrite.Outcome.UNCHANGED)
            : Step.put(wanted, PolicyWrite.Outcome.UPDATED);
      });
      writes.add(new PolicyWrite(policy.name(), outcome));
    }
    return writes;
  }

  @Override
  public void delete(PolicyName name) {
    cas.update(keys.policy(name), Codec.STORED_TEXT, current -> {
      if (current.isEmpty()) {
        throw new PolicyNotFoundException(name);
      }
      return Step.remove(null);
    });
  }

  @Override
  public List<StoredPolicy> list() {
    List<StoredPolicy> stored = new ArrayList<>();
    for (Entry entry : store.list(keys.policyRoot()).entries()) {
      keys.parsePolicy(entry.key()).ifPresent(name -> stored.add(stored(name, entry)));
    }
    stored.sort(Comparator.comparing(policy -> policy.name().value()));
    return stored;
  }

  @Override
  public StoredPolicy show(PolicyName name) {
    return store.get(keys.policy(name)).map(entry -> stored(name, entry))
        .orElseThrow(() -> new PolicyNotFoundException(name));
  }

  @Override
  public PolicySelection selectionFor(Map<String, String> labels, List<ProfileName> profiles) {
    List<String> tags = new ArrayList<>();
    for (ProfileName profile : profiles) {
      // A profile without a readable tags record carries no tags, as the agent reads it.
      store.get(keys.profileTags(profile)).map(ProfileCodecs.TAGS::readout)
          .flatMap(readout -> readout.value()).ifPresent(tags::addAll);
    }
    Map<String, String> effective = EndpointLabels.effective(labels, tags);
    List<NetworkPolicy> policies = list().stream().map(policy -> policy.policy().value()).flatMap(Optional::stream)
        .sorted(NetworkPolicy.EVALUATION_ORDER).toList();
    return new PolicySelection(effective, PolicyOrder.applying(policies, effective, PolicyType.INGRESS),
        PolicyOrder.applying(policies, effective, PolicyType.EGRESS));
  }

  private static StoredPolicy stored(PolicyName name, Entry entry) {
    return new StoredPolicy(name, PolicyRecords.codec(name).readout(entry));
  }
}
