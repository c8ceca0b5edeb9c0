package org.calicomesos.core.node;

import org.calicomesos.core.node.registration.RegistrationCodec;
import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.cas.Step;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.HostIpChoice;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Writes this host's registration: the host IPs other hosts route its blocks to (configured, else found on its
 * interfaces), the agent's version and a heartbeat. Only ever this host's own record, and always with a
 * compare-and-swap (create, else update at the revision read), so two agents misconfigured with one node name
 * cannot lose each other's write silently. The addresses are found afresh on every write: a host whose address
 * changed is routed to at its new one after the next heartbeat.
 */
public final class HostRegistrar {
  /** How often the agent rewrites the heartbeat; a record much older than this belongs to a stopped agent. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger(HostRegistrar.class.getName());

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final EndpointSettings settings;
  private final Dataplane dataplane;
  private final String version;
  private final Clock clock;
  private Optional<HostRegistration> written = Optional.empty();

  public HostRegistrar(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings, Dataplane dataplane,
      String version, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.settings = settings;
    this.dataplane = dataplane;
    this.version = version;
    this.clock = clock;
  }

  public NodeName node() {
    return settings.node();
  }

  /** Writes the record now; returns it as written. */
  public HostRegistration register() {
    HostRegistration registration = current();
    // Our own record is replaced whatever it holds, even one that cannot be read: only its revision matters.
    String value = RegistrationCodec.REGISTRATION.encode(registration);
    new CasLoop(store).update(keys.registration(settings.node()), Codec.STORED_TEXT, stored -> Step.put(value, null));
    if (written.isEmpty() || !sameAddresses(written.get(), registration)) {
      LOG.log(Level.INFO, "registered host {0}: IPv4 {1}, IPv6 {2}", registration.node(), text(registration.ipv4()),
          text(registration.ipv6()));
    }
    written = Optional.of(registration);
    return registration;
  }

  /** Rewrites the record if the last write is {@link #HEARTBEAT_EVERY} old (or there was none). */
  public void heartbeatIfDue() {
    if (written.isEmpty() || !written.get().heartbeat().plus(HEARTBEAT_EVERY).isAfter(clock.instant())) {
      register();
    }
  }

  private HostRegistration current() {
    List<HostAddress> addresses = dataplane.hostAddresses();
    Optional<IPAddress> ipv4 = HostIpChoice.choose(settings.hostIp(), addresses, IpFamily.V4);
    Optional<IPAddress> ipv6 = HostIpChoice.choose(settings.hostIpv6(), addresses, IpFamily.V6);
    if (ipv4.isEmpty() && ipv6.isEmpty()) {
      LOG.log(Level.WARNING, "host {0} has no global address and CALICO_HOST_IP is not set: other hosts cannot "
          + "route to its containers", settings.node());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new HostRegistration(settings.node(), ipv4, ipv6, version, now);
  }

  private static boolean sameAddresses(HostRegistration a, HostRegistration b) {
    return a.ipv4().equals(b.ipv4()) && a.ipv6().equals(b.ipv6());
  }

  private static String text(Optional<IPAddress> address) {
    return address.map(IPAddress::toCanonicalString).orElse("none");
  }
}
