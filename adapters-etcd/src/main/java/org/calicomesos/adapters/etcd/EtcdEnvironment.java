package org.calicomesos.adapters.etcd;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code Map<String, String>} of environment variables that the composition root binds for
 * {@link EtcdStoreModule}, which reads its {@code ETCD_*} settings from it.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface EtcdEnvironment {}
