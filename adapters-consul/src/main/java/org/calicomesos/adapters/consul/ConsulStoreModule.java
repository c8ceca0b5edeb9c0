package org.calicomesos.adapters.consul;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the Consul store under the name {@code consul}; the composition root decides whether to use it,
 * through a {@code Provider}, so Consul's client is never loaded unless chosen.
 */
@Module
public final class ConsulStoreModule {
  private ConsulStoreModule() {}

  @Provides
  @Named("consul")
  static KeyValueStore consulStore(@Named("datastore.environment") Map<String, String> environment,
      @Named("request.timeout") Duration timeout) {
    return ConsulKeyValueStore.open(ConsulSettings.fromEnvironment(environment, timeout));
  }
}
