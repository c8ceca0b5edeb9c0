package org.calicomesos.adapters.sqlite;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the SQLite {@code KeyValueStore} that {@link SqliteStoreModule} offers; the composition root asks for
 * {@code @SqliteStore Provider<KeyValueStore>}, so SQLite is never loaded unless chosen.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface SqliteStore {}
