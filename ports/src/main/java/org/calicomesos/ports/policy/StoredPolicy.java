package org.calicomesos.ports.policy;

import java.util.Objects;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;

/** A policy record as stored: its name (from the key) and its content, or why it cannot be read. */
public record StoredPolicy(PolicyName name, Readout<NetworkPolicy> policy) {
  public StoredPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
  }
}
