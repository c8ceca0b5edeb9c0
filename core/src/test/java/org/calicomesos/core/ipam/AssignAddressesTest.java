package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.ips;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calicomesos.ports.ipam.AddressInUseException;
import org.calicomesos.ports.ipam.AllocateAddressesUseCase;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

/** net-modules allocate and reserve as one use case: static addresses, the pools, and the undo between them. */
class AssignAddressesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NodeName NODE = new NodeName("agent-1");
  private static final AgentHostname HOSTNAME = new AgentHostname("mesos-agent-1.example.com");

  private final IpamFixture ipam = new IpamFixture()
      .withPool("10.0.0.0/24", 26, false).withPool("fd80:24e2:f998:72d6::/64", 122, false);
  private final List<AllocateCommand> allocateCalls = new ArrayList<>();
  private final AssignAddressesService assign = new AssignAddressesService(ipam.reserve, counting(ipam.allocate), ipam.release);

  @Test
  void allocate_reserves_the_static_addresses_and_returns_them_first() {
    AllocatedAddresses assigned = assign.assign(allocate("uid-1", 2, 0, "10.0.0.70", "10.0.0.5"));

    assertThat(assigned.ipv4()).hasSize(4).doesNotHaveDuplicates()
        .startsWith(ips("10.0.0.70", "10.0.0.5").toArray(IPAddress[]::new));
    assertThat(assigned.ipv6()).isEmpty();
    assertThat(ipam.releaseUid("uid-1").released()).containsExactlyInAnyOrderElementsOf(assigned.ipv4());
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void every_address_records_this_node_and_the_agents_hostname() {
    assign.assign(allocate("uid-1", 1, 1, "10.0.0.5"));
    assign.assign(new AssignAddressesCommand.Reserve(NODE, new HandleId("uid-2"), HOSTNAME,
        ips("10.0.0.6", "fd80:24e2:f998:72d6::55"), List.of(), Map.of()));

    List<JsonNode> holders = new ArrayList<>();
    for (JsonNode block : blocks().values()) {
      block.get("attributes").forEach(holders::add);
    }
    // One holder per uid and block: both uids hold an address in the IPv4 and in the IPv6 block.
    assertThat(holders).extracting(holder -> holder.get("handle_id").textValue())
        .containsExactlyInAnyOrder("uid-1", "uid-1", "uid-2", "uid-2");
    assertThat(holders).allSatisfy(holder -> assertThat(holder.get("secondary"))
        .isEqualTo(JSON.valueToTree(Map.of("node", "agent-1", "hostname", "mesos-agent-1.example.com"))));
  }

  @Test
  void a_failed_allocate_releases_the_static_addresses_and_leaves_the_store_as_it_was() {
    IpamFixture small = new IpamFixture().withPool("10.0.0.0/29", 29, false);
    small.allocate4("agent-1", "uid-0", 1);
    AssignAddressesService assignSmall = new AssignAddressesService(small.reserve, small.allocate, small.release);
    Map<String, JsonNode> before = assignments(small);

    assertThatThrownBy(() -> assignSmall.assign(allocate("uid-1", 7, 0, "10.0.0.6")))
        .isInstanceOf(PoolExhaustedException.class)
        .hasMessage("pool 10.0.0.0/29 has too few free IPv4 addresses: 7 requested, 6 free");

    assertThat(assignments(small)).isEqualTo(before);
    assertThat(small.check().problems()).isEmpty();
    small.reserve("agent-2", "uid-2", "10.0.0.6"); // free again, for anyone
  }

  @Test
  void a_static_address_another_uid_holds_fails_the_allocate_before_the_pools_are_asked() {
    ipam.reserve("agent-2", "uid-0", "10.0.0.5");
    Map<String, JsonNode> before = assignments(ipam);

    assertThatThrownBy(() -> assign.assign(allocate("uid-1", 1, 0, "10.0.0.6", "10.0.0.5")))
        .isInstanceOf(AddressInUseException.class)
        .hasMessage("IP 10.0.0.5 is already assigned");

    assertThat(allocateCalls).isEmpty();
    assertThat(assignments(ipam)).isEqualTo(before);
  }

  @Test
  void static_addresses_alone_ask_nothing_of_the_pools() {
    AllocatedAddresses assigned = assign.assign(allocate("uid-1", 0, 0, "10.0.0.9"));

    assertThat(assigned.ipv4()).isEqualTo(ips("10.0.0.9"));
    assertThat(allocateCalls).isEmpty();
  }

  @Test
  void an_allocate_without_static_addresses_has_nothing_to_undo() {
    List<ReleaseCommand> releases = new ArrayList<>();
    AssignAddressesService failing = new AssignAddressesService(ipam.reserve, exhausted(), recording(releases));

    assertThatThrownBy(() -> failing.assign(allocate("uid-1", 1, 0))).isInstanceOf(PoolExhaustedException.class);

    assertThat(releases).isEmpty();
  }

  @Test
  void the_undo_releases_exactly_the_static_addresses() {
    List<ReleaseCommand> releases = new ArrayList<>();
    AssignAddressesService failing = new AssignAddressesService(ipam.reserve, exhausted(), recording(releases));

    assertThatThrownBy(() -> failing.assign(allocate("uid-1", 1, 0, "10.0.0.5", "10.0.0.6")))
        .isInstanceOf(PoolExhaustedException.class);

    assertThat(releases).containsExactly(new ReleaseCommand.ByAddresses(ips("10.0.0.5", "10.0.0.6")));
  }

  @Test
  void when_the_undo_fails_too_the_allocates_failure_is_thrown_and_carries_the_undos() {
    DatastoreUnavailableException undoFailure = new DatastoreUnavailableException("test store", "gone", null);
    ReleaseAddressesUseCase unreachable = command -> {
      throw undoFailure;
    };
    AssignAddressesService failing = new AssignAddressesService(command -> { }, exhausted(), unreachable);

    assertThatThrownBy(() -> failing.assign(allocate("uid-1", 1, 0, "10.0.0.5")))
        .isInstanceOf(PoolExhaustedException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(undoFailure));
  }

  @Test
  void reserve_assigns_exactly_the_named_addresses_and_returns_them_per_family() {
    AllocatedAddresses assigned = assign.assign(new AssignAddressesCommand.Reserve(NODE, new HandleId("uid-1"), HOSTNAME,
        ips("fd80:24e2:f998:72d6::55", "10.0.0.5"), List.of(new Netgroup("web")), Map.of("app", "shop")));

    assertThat(assigned.ipv4()).isEqualTo(ips("10.0.0.5"));
    assertThat(assigned.ipv6()).isEqualTo(ips("fd80:24e2:f998:72d6::55"));
    assertThat(allocateCalls).isEmpty();
    assertThat(ipam.releaseUid("uid-1").released()).containsExactlyInAnyOrderElementsOf(ips("10.0.0.5", "fd80:24e2:f998:72d6::55"));
  }

  private static AssignAddressesCommand.Allocate allocate(String uid, int ipv4, int ipv6, String... staticAddresses) {
    return new AssignAddressesCommand.Allocate(NODE, new HandleId(uid), HOSTNAME, ipv4, ipv6, ips(staticAddresses),
        List.of(new Netgroup("web")), Map.of("app", "shop"));
  }

  private AllocateAddressesUseCase counting(AllocateAddressesUseCase delegate) {
    return command -> {
      allocateCalls.add(command);
      return delegate.allocate(command);
    };
  }

  private static AllocateAddressesUseCase exhausted() {
    return command -> {
      throw new PoolExhaustedException("pool 10.0.0.0/24 has too few free IPv4 addresses");
    };
  }

  private static ReleaseAddressesUseCase recording(List<ReleaseCommand> releases) {
    return command -> {
      releases.add(command);
      return new ReleaseResult(List.of(), List.of());
    };
  }

  private Map<String, JsonNode> blocks() {
    Map<String, JsonNode> blocks = new TreeMap<>();
    ipam.memory.list("/calico/ipam/v2/assignment/").entries().forEach(e -> blocks.put(e.key(), read(e.value())));
    return blocks;
  }

  /**
   * The whole store, but of each block only who holds which address: a release puts an address at the back of
   * the block's free list (reused as late as possible) and counts the block's sequence number up, so those two
   * differ after a reserve that was undone.
   */
  private static Map<String, JsonNode> assignments(IpamFixture fixture) {
    Map<String, JsonNode> entries = new TreeMap<>();
    fixture.memory.list("/").entries().forEach(e -> {
      JsonNode value = read(e.value());
      if (value instanceof ObjectNode block && e.key().contains("/assignment/")) {
        block.remove("unallocated");
        block.remove("sequenceNumber");
      }
      entries.put(e.key(), value);
    });
    return entries;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
