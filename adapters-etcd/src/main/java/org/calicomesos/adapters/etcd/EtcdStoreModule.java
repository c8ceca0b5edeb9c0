package org.calicomesos.adapters.etcd;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the etcd store as {@link EtcdStore}; the composition root decides whether to use it,
 * through a {@code Provider}, so jetcd and its many classes are never loaded unless chosen.
 */
@Module
public final class EtcdStoreModule {
  private EtcdStoreModule() {}

  @Provides
  @EtcdStore
  static KeyValueStore etcdStore(@EtcdEnvironment Map<String, String> environment,
      @EtcdRequestTimeout Duration timeout) {
    return EtcdKeyValueStore.open(environment, timeout);
  }
}
