package org.calicomesos.adapters.memory;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import org.calicomesos.ports.kv.KeyValueStore;

/** Offers the in-memory store under the name {@code memory}; the composition root decides whether to use it. */
@Module
public final class MemoryStoreModule {
  private MemoryStoreModule() {}

  @Provides
  @Named("memory")
  static KeyValueStore memoryStore() {
    return new MemoryKeyValueStore();
  }
}
