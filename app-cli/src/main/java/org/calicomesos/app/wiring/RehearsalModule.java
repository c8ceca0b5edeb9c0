package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * The agent's warm-up adapters: {@link RehearsalStore}'s datastore, a kernel in a map, and a policy dataplane that
 * only remembers.
 */
@Module
interface RehearsalModule {
  @Provides
  @Singleton
  static KeyValueStore keyValueStore(RehearsalStore store, OpenResources resources) {
    resources.register(store);
    return store.keyValueStore();
  }

  @Provides
  @Singleton
  static Dataplane dataplane() {
    return new MemoryDataplane();
  }

  @Provides
  @Singleton
  static PolicyDataplane policyDataplane() {
    return new RecordingPolicyDataplane();
  }
}
