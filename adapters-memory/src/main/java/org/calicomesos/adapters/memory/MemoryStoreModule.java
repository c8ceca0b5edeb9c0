package org.calicomesos.adapters.memory;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.kv.KeyValueStore;

/** Offers the in-memory store as {@link MemoryStore}; the composition root decides whether to use it. */
@Module
public final class MemoryStoreModule {
  private MemoryStoreModule() {}

  @Provides
  @MemoryStore
  static KeyValueStore memoryStore() {
    return new MemoryKeyValueStore();
  }
}
