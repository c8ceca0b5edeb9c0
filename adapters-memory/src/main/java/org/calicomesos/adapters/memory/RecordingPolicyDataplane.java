package org.calicomesos.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.policy.EndpointEnforcement;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.policy.PolicyDataplane;

/** A {@link PolicyDataplane} that remembers what it was asked to enforce, for tests of core; no kernel. */
public final class RecordingPolicyDataplane implements PolicyDataplane {
  private final List<HostPolicy> enforced = new ArrayList<>();
  private Optional<HostPolicy> inForce = Optional.empty();
  private PolicyApplyException nextFailure;

  /** Makes the next {@link #enforce} fail as a refusing kernel would: nothing changes. */
  public synchronized void failNextEnforce(PolicyApplyException failure) {
    nextFailure = failure;
  }

  @Override
  public synchronized void enforce(HostPolicy policy) {
    if (nextFailure != null) {
      PolicyApplyException failure = nextFailure;
      nextFailure = null;
      throw failure;
    }
    enforced.add(policy);
    inForce = Optional.of(policy);
  }

  @Override
  public synchronized void withdraw() {
    inForce = Optional.empty();
  }

  /** From the policy in force: none (never enforced, or withdrawn) is {@link EndpointEnforcement#NO_POLICY}. */
  @Override
  public synchronized EndpointEnforcement enforces(InterfaceName hostInterface) {
    return inForce.map(policy -> policy.endpoints().stream()
            .anyMatch(endpoint -> endpoint.hostInterface().equals(hostInterface))
            ? EndpointEnforcement.PRESENT : EndpointEnforcement.ABSENT)
        .orElse(EndpointEnforcement.NO_POLICY);
  }

  /** Every policy enforced, oldest first. */
  public synchronized List<HostPolicy> enforced() {
    return List.copyOf(enforced);
  }

  public synchronized Optional<HostPolicy> inForce() {
    return inForce;
  }
}
