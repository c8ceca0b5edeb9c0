package org.calicomesos.adapters.iproute2;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the {@code ip}-command implementations ({@code Dataplane}, {@code RouteTable}, {@code VxlanTunnel}) that
 * {@link Iproute2DataplaneModule} offers; the composition root asks for e.g. {@code @Iproute2 Provider<Dataplane>}
 * and uses them when {@code CALICO_DATAPLANE} names iproute2.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface Iproute2 {}
