package org.calicomesos.adapters.etcd;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the etcd {@code KeyValueStore} that {@link EtcdStoreModule} offers; the composition root asks for
 * {@code @EtcdStore Provider<KeyValueStore>}, so jetcd is never loaded unless chosen.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface EtcdStore {}
