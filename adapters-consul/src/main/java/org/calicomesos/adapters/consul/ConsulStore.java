package org.calicomesos.adapters.consul;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the Consul {@code KeyValueStore} that {@link ConsulStoreModule} offers; the composition root asks for
 * {@code @ConsulStore Provider<KeyValueStore>}, so Consul's client is never loaded unless chosen.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface ConsulStore {}
