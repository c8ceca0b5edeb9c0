package org.calicomesos.adapters.consul;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the Consul store as {@link ConsulStore}; the composition root decides whether to use it,
 * through a {@code Provider}, so Consul's client is never loaded unless chosen.
 */
@Module
public final class ConsulStoreModule {
  private ConsulStoreModule() {}

  @Provides
  @ConsulStore
  static KeyValueStore consulStore(@ConsulEnvironment Map<String, String> environment,
      @ConsulRequestTimeout Duration timeout) {
    return ConsulKeyValueStore.open(ConsulSettings.fromEnvironment(environment, timeout));
  }
}
