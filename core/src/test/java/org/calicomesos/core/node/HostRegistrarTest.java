package org.calicomesos.core.node;

import org.calicomesos.core.node.registration.RegistrationCodec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.MovableClock;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

/** The agent's own registration: found addresses, compare-and-swap writes, heartbeats, and no one else's record. */
class HostRegistrarTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("agent-1");

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T04:30:00Z"));

  @Test
  void registers_the_first_global_address_of_each_family_that_is_not_a_containers() {
    MemoryDataplane host = new MemoryDataplane()
        .withHostAddress("cali0123456789a", address("198.18.0.9"))
        .withHostAddress("eth0", address("2001:db8::11"))
        .withHostAddress("eth0", address("203.0.113.11"));

    HostRegistration written = registrar(new EndpointSettings(NODE, 1500, Optional.empty()), host).register();

    assertThat(written.ipv4()).contains(address("203.0.113.11"));
    assertThat(written.ipv6()).contains(address("2001:db8::11"));
    assertThat(read(NODE)).isEqualTo(written);
    assertThat(store.get(KEYS.registration(NODE)).orElseThrow().value())
        .isEqualTo("{\"node\":\"agent-1\",\"ipv4\":\"203.0.113.11\",\"ipv6\":\"2001:db8::11\",\"version\":\"v-test\","
            + "\"heartbeat\":\"2026-11-25T04:30:00Z\"}");
  }

  @Test
  void configured_addresses_win_over_the_interfaces() {
    MemoryDataplane host = new MemoryDataplane().withHostAddress("eth0", address("203.0.113.11"));
    var settings = new EndpointSettings(NODE, 1500, Optional.of(address("10.0.0.5")), Optional.of(address("fd00::5")));

    HostRegistration written = registrar(settings, host).register();

    assertThat(written.ipv4()).contains(address("10.0.0.5"));
    assertThat(written.ipv6()).contains(address("fd00::5"));
  }

  @Test
  void the_heartbeat_is_rewritten_when_due_over_whatever_is_stored_and_no_other_record_is_touched() {
    Entry other = store.create(KEYS.registration(new NodeName("agent-2")), "{\"anything\":1}")
        .landed() ? store.get(KEYS.registration(new NodeName("agent-2"))).orElseThrow() : null;
    HostRegistrar registrar = registrar(new EndpointSettings(NODE, 1500, Optional.of(address("10.0.0.5"))),
        new MemoryDataplane());
    registrar.register();
    long first = store.get(KEYS.registration(NODE)).orElseThrow().revision();

    clock.advance(Duration.ofSeconds(10));
    registrar.heartbeatIfDue();
    assertThat(store.get(KEYS.registration(NODE)).orElseThrow().revision()).as("not due yet").isEqualTo(first);

    clock.advance(HostRegistrar.HEARTBEAT_EVERY);
    store.update(KEYS.registration(NODE), "{\"spoiled\":true}", first); // another writer: the CAS re-reads
    registrar.heartbeatIfDue();
    assertThat(read(NODE).heartbeat()).isEqualTo(Instant.parse("2026-11-25T04:30:40Z"));
    assertThat(store.get(KEYS.registration(new NodeName("agent-2")))).contains(other);
  }

  private HostRegistrar registrar(EndpointSettings settings, MemoryDataplane host) {
    return new HostRegistrar(store, KEYS, settings, host, "v-test", clock);
  }

  private HostRegistration read(NodeName node) {
    return RegistrationCodec.REGISTRATION.decode(store.get(KEYS.registration(node)).orElseThrow());
  }

  private static inet.ipaddr.IPAddress address(String text) {
    return Addresses.parseAnyAddress("test", text);
  }
}
