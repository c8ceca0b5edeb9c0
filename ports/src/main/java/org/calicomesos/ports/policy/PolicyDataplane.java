package org.calicomesos.ports.policy;

import org.calicomesos.ports.dataplane.InterfaceName;

/**
 * Makes the kernel enforce a {@link HostPolicy} (docs/architecture.md, "Ports"). The adapter owns what it installs
 * and nothing else: it never reads, changes or removes another program's rules. Each adapter passes
 * {@code PolicyDataplaneContract} in testkit against the real kernel.
 */
public interface PolicyDataplane {

  /**
   * Replaces whatever policy is in force with {@code policy}, atomically: packets see the old policy or the
   * new one, never a mix or none. Once this has run, traffic to or from a {@code cali*} interface the policy
   * does not name is dropped, and that stays so until {@link #withdraw()} — also while no agent runs.
   *
   * @throws PolicyApplyException when the kernel refused; the previous policy is still in force
   */
  void enforce(HostPolicy policy);

  /** Removes everything this adapter installed (uninstall, tests); idempotent. */
  void withdraw();

  /**
   * Whether the policy in force names {@code hostInterface}, as the kernel has it now (whoever enforced it: the
   * agent, usually, not this instance); read-only and bounded in time.
   *
   * @throws org.calicomesos.ports.dataplane.DataplaneException when it cannot be read
   */
  EndpointEnforcement enforces(InterfaceName hostInterface);
}
