package org.calicomesos.adapters.etcd;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the etcd store under the name {@code etcd}; the composition root decides whether to use it,
 * through a {@code Provider}, so jetcd and its many classes are never loaded unless chosen.
 */
@Module
public final class EtcdStoreModule {
  private EtcdStoreModule() {}

  @Provides
  @Named("etcd")
  static KeyValueStore etcdStore(@Named("datastore.environment") Map<String, String> environment,
      @Named("request.timeout") Duration timeout) {
    return EtcdKeyValueStore.open(environment, timeout);
  }
}
