package org.calicomesos.app.agent;

import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.policy.EndpointEnforcement;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * A policy dataplane that tells a {@link PolicyObserver} of every apply: each {@link #enforce} is one, failed when
 * it throws (the kernel's refusal, or anything else).
 */
public final class ObservedPolicyDataplane implements PolicyDataplane {
  private final PolicyDataplane kernel;
  private final PolicyObserver observer;

  public ObservedPolicyDataplane(PolicyDataplane kernel, PolicyObserver observer) {
    this.kernel = kernel;
    this.observer = observer;
  }

  @Override
  public void enforce(HostPolicy policy) {
    long started = System.nanoTime();
    boolean success = false;
    try {
      kernel.enforce(policy);
      success = true;
    } finally {
      observer.applied(success, System.nanoTime() - started);
    }
  }

  @Override
  public void withdraw() {
    kernel.withdraw();
  }

  @Override
  public EndpointEnforcement enforces(InterfaceName hostInterface) {
    return kernel.enforces(hostInterface); // a read, not an apply: nothing to observe
  }
}
