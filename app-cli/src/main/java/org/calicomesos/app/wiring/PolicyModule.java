package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import org.calicomesos.core.policy.PolicySync;
import org.calicomesos.ports.policy.SyncPolicyUseCase;

/** The agent's policy work on core's {@link PolicySync}, enforced through nftables (built only for the agent). */
@Module(includes = NftablesPolicyModule.class)
interface PolicyModule {
  @Binds
  SyncPolicyUseCase sync(PolicySync sync);
}
