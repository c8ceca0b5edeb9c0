package org.calicomesos.adapters.consul;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code Duration} a request may take in all ({@code CALICO_REQUEST_TIMEOUT}) that the composition root
 * binds for {@link ConsulStoreModule}: the bound of each Consul call.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface ConsulRequestTimeout {}
