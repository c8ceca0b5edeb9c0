package org.calicomesos.adapters.etcd;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code Duration} a request may take in all ({@code CALICO_REQUEST_TIMEOUT}) that the composition root
 * binds for {@link EtcdStoreModule}: the bound of each etcd call.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface EtcdRequestTimeout {}
