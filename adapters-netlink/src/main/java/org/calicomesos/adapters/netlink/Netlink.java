package org.calicomesos.adapters.netlink;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Marks the rtnetlink implementations ({@code Dataplane}, {@code RouteTable}, {@code VxlanTunnel}) that
 * {@link NetlinkDataplaneModule} offers; the composition root asks for e.g. {@code @Netlink Provider<Dataplane>} and
 * uses them when {@code CALICO_DATAPLANE} names netlink.
 */
@Qualifier
@Retention(RUNTIME)
@Documented
public @interface Netlink {}
