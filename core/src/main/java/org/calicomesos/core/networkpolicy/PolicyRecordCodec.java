package org.calicomesos.core.networkpolicy;

import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.rule.PolicyRecords;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;

/** {@link PolicyRecords} as a {@link Codec}: a policy's name is its key's, so there is one codec per name. */
final class PolicyRecordCodec implements Codec<NetworkPolicy> {
  private final PolicyName name;

  PolicyRecordCodec(PolicyName name) {
    this.name = name;
  }

  @Override
  public NetworkPolicy decode(Entry entry) {
    return PolicyRecords.decode(name, entry);
  }

  @Override
  public String encode(NetworkPolicy value) {
    return PolicyRecords.encode(value);
  }
}
