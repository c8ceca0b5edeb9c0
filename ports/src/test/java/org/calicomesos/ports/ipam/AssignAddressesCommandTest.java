package org.calicomesos.ports.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

/** A command that exists is a valid request: each rule refuses with the sentence the operator reads. */
class AssignAddressesCommandTest {
  private static final NodeName NODE = new NodeName("agent-1");
  private static final HandleId UID = new HandleId("u1");
  private static final AgentHostname HOSTNAME = new AgentHostname("agent1");

  @Test
  void an_allocate_must_ask_for_at_least_one_address() {
    assertThatThrownBy(() -> allocate(0, 0, List.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("allocate asks for no addresses: num_ipv4 and num_ipv6 are both 0");
  }

  @Test
  void static_addresses_alone_are_an_allocate() {
    assertThat(allocate(0, 0, ips("10.0.0.5")).staticAddresses()).isEqualTo(ips("10.0.0.5"));
    assertThat(allocate(1, 0, List.of()).staticAddresses()).isEmpty();
  }

  @Test
  void counts_stay_within_a_family_s_bound() {
    assertThatThrownBy(() -> allocate(257, 0, List.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessage("num_ipv4 must be between 0 and 256, got 257");
    assertThatThrownBy(() -> allocate(1, -1, List.of()))
        .isInstanceOf(InvalidRequestException.class).hasMessage("num_ipv6 must be between 0 and 256, got -1");
  }

  @Test
  void an_allocate_names_each_static_address_once() {
    assertThatThrownBy(() -> allocate(1, 0, ips("10.0.0.5", "10.0.0.5")))
        .isInstanceOf(InvalidRequestException.class).hasMessage("reserve names the same address twice");
  }

  @Test
  void a_reserve_names_at_least_one_address_each_once_and_not_too_many() {
    assertThatThrownBy(() -> reserve(List.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("reserve needs at least one address in ipv4_addrs or ipv6_addrs");
    assertThatThrownBy(() -> reserve(ips("10.0.0.5", "fd80::5", "10.0.0.5")))
        .isInstanceOf(InvalidRequestException.class).hasMessage("reserve names the same address twice");
    List<IPAddress> many = new ArrayList<>();
    for (int i = 0; i < 513; i++) {
      many.add(Addresses.parseAnyAddress("ip", "10.0." + i / 250 + "." + i % 250));
    }
    assertThatThrownBy(() -> reserve(many))
        .isInstanceOf(InvalidRequestException.class).hasMessage("reserve takes at most 512 addresses");
  }

  @Test
  void who_asked_is_required() {
    assertThatThrownBy(() -> new AssignAddressesCommand.Reserve(NODE, UID, null, ips("10.0.0.5"), List.of(), Map.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("hostname");
    assertThatThrownBy(() -> new AssignAddressesCommand.Allocate(NODE, null, HOSTNAME, 1, 0, List.of(), List.of(), Map.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("handle");
  }

  @Test
  void the_command_keeps_its_own_copies() {
    List<IPAddress> addresses = new ArrayList<>(ips("10.0.0.5"));
    List<Netgroup> netgroups = new ArrayList<>(List.of(new Netgroup("web")));
    Map<String, String> labels = new HashMap<>(Map.of("app", "shop"));
    AssignAddressesCommand.Reserve command = new AssignAddressesCommand.Reserve(NODE, UID, HOSTNAME, addresses, netgroups, labels);

    addresses.add(ips("10.0.0.6").get(0));
    netgroups.clear();
    labels.put("app", "other");

    assertThat(command.addresses()).isEqualTo(ips("10.0.0.5"));
    assertThat(command.netgroups()).containsExactly(new Netgroup("web"));
    assertThat(command.labels()).containsExactlyEntriesOf(Map.of("app", "shop"));
  }

  @Test
  void an_agent_hostname_is_a_host_name_or_an_address() {
    assertThat(new AgentHostname("10.0.0.1").value()).isEqualTo("10.0.0.1");
    assertThat(new AgentHostname("fd80::1").value()).isEqualTo("fd80::1");
    assertThatThrownBy(() -> new AgentHostname("agent 1"))
        .isInstanceOf(InvalidRequestException.class).hasMessage("hostname 'agent 1' is not a host name or IP address");
    assertThatThrownBy(() -> new AgentHostname(""))
        .isInstanceOf(InvalidRequestException.class).hasMessage("hostname is missing");
  }

  private static AssignAddressesCommand.Allocate allocate(int ipv4, int ipv6, List<IPAddress> staticAddresses) {
    return new AssignAddressesCommand.Allocate(NODE, UID, HOSTNAME, ipv4, ipv6, staticAddresses, List.of(), Map.of());
  }

  private static AssignAddressesCommand.Reserve reserve(List<IPAddress> addresses) {
    return new AssignAddressesCommand.Reserve(NODE, UID, HOSTNAME, addresses, List.of(), Map.of());
  }

  private static List<IPAddress> ips(String... addresses) {
    List<IPAddress> parsed = new ArrayList<>();
    for (String address : addresses) {
      parsed.add(Addresses.parseAnyAddress("ip", address));
    }
    return parsed;
  }
}
