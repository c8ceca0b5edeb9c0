package org.calicomesos.adapters.sqlite;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code Duration} a request may take in all ({@code CALICO_REQUEST_TIMEOUT}) that the composition root
 * binds for {@link SqliteStoreModule}: no call waits longer than this for the file's write lock.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface SqliteRequestTimeout {}
