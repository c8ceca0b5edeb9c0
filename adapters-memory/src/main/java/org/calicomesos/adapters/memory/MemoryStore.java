package org.calicomesos.adapters.memory;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the in-memory {@code KeyValueStore} that {@link MemoryStoreModule} offers; the composition root asks for
 * {@code @MemoryStore Provider<KeyValueStore>} and decides whether to use it.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface MemoryStore {}
