package org.calicomesos.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.attachment.AttachmentFixture.CONTAINER;
import static org.calicomesos.core.attachment.AttachmentFixture.HOSTNAME;
import static org.calicomesos.core.attachment.AttachmentFixture.KEYS;
import static org.calicomesos.core.attachment.AttachmentFixture.NODE;
import static org.calicomesos.core.attachment.AttachmentFixture.cidr;
import static org.calicomesos.core.attachment.AttachmentFixture.command;
import static org.calicomesos.core.attachment.AttachmentFixture.count;
import static org.calicomesos.core.attachment.AttachmentFixture.id;
import static org.calicomesos.core.attachment.AttachmentFixture.ip;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.OptionalInt;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.DetachResult;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.junit.jupiter.api.Test;

class AttachmentLifecycleTest {
  private final AttachmentFixture cni = new AttachmentFixture();

  @Test
  void attach_plumbs_the_named_interface_and_records_the_attachment() {
    AttachmentId id = id("eth1");

    Attachment attachment = cni.attach.attach(command(id, count(1, 1)));

    assertThat(attachment.hostInterface().value()).isEqualTo(id.endpoint().hostInterfaceName());
    assertThat(attachment.hostMac().toColonDelimitedString()).isEqualTo("ee:ee:ee:ee:ee:ee");
    assertThat(attachment.mtu()).isEqualTo(1440);
    assertThat(attachment.addresses()).extracting(IPAddress::getNetworkPrefixLength).containsExactly(32, 128);
    assertThat(attachment.containerRoutes()).extracting(Route::toString).containsExactly(
        "169.254.1.1/32 scope link", "0.0.0.0/0 via 169.254.1.1", "::/0 via fe80::ecee:eeff:feee:eeee");
    VethPlan plan = cni.dataplane.plumbed().get(attachment.hostInterface());
    assertThat(plan.containerInterface().value()).isEqualTo("eth1");
    String record = cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id.endpoint())).orElseThrow().value();
    assertThat(record).contains("\"handle_id\":\"calico-net:" + CONTAINER + ":eth1\"",
        "\"attachment\":{\"network\":\"calico-net\",\"interface\":\"eth1\"}", "\"labels\":{\"app\":\"web\"}",
        "\"profile_ids\":[\"default_agent-1\",\"prod\"]",
        "\"mac\":\"" + attachment.containerMac().toColonDelimitedString() + "\"");
    // The addresses are recorded with this node and the agent's hostname, as net-modules' are.
    String block = cni.memory.list(KEYS.blockPrefix(org.calicomesos.ports.model.IpFamily.V4)).entries().get(0).value();
    assertThat(block).contains(HOSTNAME.value(), NODE.value());
  }

  @Test
  void attach_then_detach_leaves_no_handle_address_endpoint_or_interface() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 1)));

    DetachResult result = cni.detach.detach(id("eth0"));

    assertThat(result.endpointFound()).isTrue();
    assertThat(result.interfaceRemoved()).isTrue();
    assertThat(result.released()).containsExactlyInAnyOrderElementsOf(
        attachment.addresses().stream().map(IPAddress::withoutPrefixLength).toList());
    assertThat(cni.handlesAndEndpoints()).isEmpty();
    assertThat(cni.allocated()).isZero();
    assertThat(cni.dataplane.plumbed()).isEmpty();
    assertThat(cni.detach.detach(id("eth0"))).isEqualTo(new DetachResult(false, false, List.of()));
  }

  @Test
  void attach_twice_returns_the_same_attachment_and_writes_nothing() {
    Attachment first = cni.attach.attach(command(id("eth0"), count(1, 0)));
    long revision = cni.revision();

    Attachment again = cni.attach.attach(command(id("eth0"), count(1, 0)));

    assertThat(again).isEqualTo(first);
    assertThat(cni.revision()).isEqualTo(revision);
    assertThat(cni.dataplane.applied()).hasSize(1);
  }

  @Test
  void attach_again_after_a_kill_before_the_blackhole_adds_it() {
    Attachment first = cni.attach.attach(command(id("eth0"), count(1, 0)));
    IPAddress block = first.addresses().get(0).withoutPrefixLength().toPrefixBlock(26);
    cni.dataplane.removeBlackhole(block); // as if killed right after the endpoint record

    assertThat(cni.attach.attach(command(id("eth0"), count(1, 0)))).isEqualTo(first);
    assertThat(cni.dataplane.blackholes()).containsExactly(block);
  }

  @Test
  void attach_after_an_add_cut_short_gives_back_what_it_held_and_leaks_nothing() {
    AttachmentId id = id("eth0");
    // A crash after the addresses were taken: the handle holds two, there is no endpoint.
    cni.assign.assign(new AssignAddressesCommand.Allocate(NODE, id.handle(), HOSTNAME, 2, 0, List.of(), List.of(),
        java.util.Map.of()));

    Attachment attachment = cni.attach.attach(command(id, count(1, 0)));

    assertThat(cni.allocated()).isEqualTo(1);
    assertThat(cni.release.release(new ReleaseCommand.ByHandle(id.handle())).released())
        .containsExactly(attachment.addresses().get(0).withoutPrefixLength());
  }

  @Test
  void a_failing_plumb_gives_the_addresses_back_and_rethrows() {
    cni.dataplane.failNextPlumb(new DataplaneException("cannot create veth: injected"));

    assertThatThrownBy(() -> cni.attach.attach(command(id("eth0"), count(1, 1))))
        .isInstanceOf(DataplaneException.class).hasMessage("cannot create veth: injected");
    assertThat(cni.allocated()).isZero();
    assertThat(cni.handlesAndEndpoints()).isEmpty();
    assertThat(cni.dataplane.plumbed()).isEmpty();
  }

  @Test
  void a_named_pool_is_the_one_used_and_an_unknown_one_is_refused_with_nothing_written() {
    PoolService pools = new PoolService(cni.memory, KEYS, AttachmentFixture.IPAM);
    pools.add(new AddPoolCommand(cidr("198.18.0.0/24"), OptionalInt.of(26), false));
    pools.add(new AddPoolCommand(cidr("10.77.0.0/24"), OptionalInt.of(26), false));

    Attachment attachment = cni.attach.attach(command(id("eth0"),
        new AddressRequest(1, 0, List.of(), List.of(cidr("10.77.0.0/24")))));
    assertThat(cidr("10.77.0.0/24").contains(attachment.addresses().get(0))).isTrue();

    long revision = cni.revision();
    assertThatThrownBy(() -> cni.attach.attach(command(id("eth1"),
        new AddressRequest(1, 0, List.of(), List.of(cidr("10.88.0.0/24"))))))
        .isInstanceOf(PoolNotFoundException.class).hasMessage("there is no pool 10.88.0.0/24");
    assertThat(cni.revision()).isEqualTo(revision);
  }

  @Test
  void a_static_address_is_reserved_for_the_attachment() {
    AttachmentId id = id("eth0");

    Attachment attachment = cni.attach.attach(command(id,
        new AddressRequest(0, 0, List.of(ip("198.18.0.77")), List.of())));

    assertThat(attachment.addresses()).extracting(IPAddress::toCanonicalString).containsExactly("198.18.0.77/32");
    assertThat(cni.release.release(new ReleaseCommand.ByHandle(id.handle())).released())
        .containsExactly(ip("198.18.0.77"));
  }

  @Test
  void two_interfaces_of_one_container_are_two_attachments_that_detach_independently() {
    Attachment eth0 = cni.attach.attach(command(id("eth0"), count(1, 0)));
    Attachment eth1 = cni.attach.attach(command(id("eth1"), count(1, 0)));

    assertThat(eth0.hostInterface()).isNotEqualTo(eth1.hostInterface());
    assertThat(eth0.addresses()).doesNotContainAnyElementsOf(eth1.addresses());
    assertThat(cni.dataplane.plumbed()).hasSize(2);
    // The first interface carries the container's routes; the second would find them taken.
    assertThat(eth0.containerRoutes()).isNotEmpty();
    assertThat(eth1.containerRoutes()).isEmpty();
    assertThat(cni.dataplane.plumbed().get(eth1.hostInterface()).containerRoutes()).isEmpty();

    cni.detach.detach(id("eth0"));

    assertThat(cni.dataplane.plumbed()).containsOnlyKeys(eth1.hostInterface());
    assertThat(cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id("eth1").endpoint()))).isPresent();
    assertThat(cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id("eth0").endpoint()))).isEmpty();
    assertThat(cni.allocated()).isEqualTo(1);
    cni.check.check(id("eth1"), AttachmentFixture.NETNS, List.of());

    cni.detach.detach(id("eth1"));

    assertThat(cni.handlesAndEndpoints()).isEmpty();
    assertThat(cni.dataplane.plumbed()).isEmpty();
  }
}
