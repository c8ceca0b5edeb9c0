package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import org.calicomesos.adapters.nftables.NftablesPolicyModule;
import java.util.Optional;
import org.calicomesos.app.agent.FollowingLoop;
import org.calicomesos.app.agent.ObservedPolicyDataplane;
import org.calicomesos.app.agent.PolicyObserver;
import org.calicomesos.app.metrics.AgentMetrics;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.policy.PolicySync;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.ports.policy.SyncPolicyUseCase;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * The agent's policy work on core's {@link PolicySync}, enforced through nftables, every apply and every failure
 * of the loop counted in the agent's metrics (all of it built only for the agent).
 */
@Module(includes = NftablesPolicyModule.class)
interface PolicyModule {
  @Provides
  static SyncPolicyUseCase sync(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings,
      PolicyDataplane kernel, PolicyObserver observer) {
    return new PolicySync(store, keys, settings, new ObservedPolicyDataplane(kernel, observer));
  }

  @Provides
  static FollowingLoop policyLoop(SyncPolicyUseCase sync, KeyValueStore store, PolicyObserver observer) {
    return new FollowingLoop("policy", sync, store, observer::loopFailed, Optional.empty());
  }

  @Binds
  PolicyObserver observer(AgentMetrics metrics);
}
