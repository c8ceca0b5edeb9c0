package org.calicomesos.adapters.sqlite;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code Path} of the database file ({@code CALICO_SQLITE_PATH}) that the composition root binds for
 * {@link SqliteStoreModule}.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface SqliteFile {}
