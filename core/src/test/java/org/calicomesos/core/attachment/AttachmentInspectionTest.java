package org.calicomesos.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.attachment.AttachmentFixture.CONTAINER;
import static org.calicomesos.core.attachment.AttachmentFixture.KEYS;
import static org.calicomesos.core.attachment.AttachmentFixture.NETNS;
import static org.calicomesos.core.attachment.AttachmentFixture.NETWORK;
import static org.calicomesos.core.attachment.AttachmentFixture.NODE;
import static org.calicomesos.core.attachment.AttachmentFixture.cidr;
import static org.calicomesos.core.attachment.AttachmentFixture.command;
import static org.calicomesos.core.attachment.AttachmentFixture.count;
import static org.calicomesos.core.attachment.AttachmentFixture.id;
import static org.calicomesos.core.attachment.AttachmentFixture.ip;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.NetworkNotReadyException;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NetworkName;
import org.junit.jupiter.api.Test;

class AttachmentInspectionTest {
  private final AttachmentFixture cni = new AttachmentFixture();

  @Test
  void check_passes_after_attach_and_with_the_expected_addresses() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 1)));

    assertThatCode(() -> cni.check.check(id("eth0"), NETNS, attachment.addresses())).doesNotThrowAnyException();
    assertThatCode(() -> cni.check.check(id("eth0"), NETNS, List.of())).doesNotThrowAnyException();
  }

  @Test
  void check_says_when_there_is_no_record() {
    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessage("attachment calico-net/" + CONTAINER + "/eth0 is not as ADD left it: it has no endpoint record "
            + "on node agent-1");
  }

  @Test
  void check_says_the_host_interface_is_missing() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    cni.dataplane.unplumb(attachment.hostInterface());

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": host interface " + attachment.hostInterface() + " is missing");
  }

  @Test
  void check_says_an_address_was_released() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    IPAddress address = attachment.addresses().get(0).withoutPrefixLength();
    cni.release.release(new ReleaseCommand.ByAddresses(List.of(address)));

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": address " + address + " is no longer held by its handle " + id("eth0").handle());
  }

  @Test
  void check_says_the_addresses_differ_from_the_expected_ones() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of(cidr("198.18.0.99/32"))))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": it has addresses [" + attachment.addresses().get(0).withoutPrefixLength()
            + "], not the [198.18.0.99] of the runtime's previous result");
  }

  @Test
  void gc_detaches_only_the_missing_attachments_of_its_network() {
    ContainerId gone = new ContainerId("gone");
    ContainerId kept = new ContainerId("kept");
    NetworkName other = new NetworkName("other-net");
    cni.attach.attach(command(id(NETWORK, gone, "eth0"), count(1, 0)));
    cni.attach.attach(command(id(NETWORK, kept, "eth0"), count(1, 0)));
    cni.attach.attach(command(id(other, gone, "eth1"), count(1, 0)));
    ContainerId mesos = new ContainerId("net-modules-container");
    List<IPAddress> isolated = new org.calicomesos.core.ipam.AllocateAddressesService(cni.memory, KEYS,
        AttachmentFixture.IPAM).allocate(new AllocateCommand(NODE, new HandleId("uid-1"), 1, 0, Map.of())).ipv4();
    cni.isolate.isolate(new IsolateCommand(mesos, NETNS, isolated, List.of(), Map.of()));

    List<AttachmentId> collected = cni.collect.collect(NETWORK, Set.of(id(NETWORK, kept, "eth0")));

    assertThat(collected).containsExactly(id(NETWORK, gone, "eth0"));
    assertThat(cni.memory.get(KEYS.endpoint(NODE, gone, id(NETWORK, gone, "eth0").endpoint()))).isEmpty();
    assertThat(cni.memory.get(KEYS.endpoint(NODE, kept, id(NETWORK, kept, "eth0").endpoint()))).isPresent();
    assertThat(cni.memory.get(KEYS.endpoint(NODE, gone, id(other, gone, "eth1").endpoint()))).isPresent();
    assertThat(cni.memory.get(KEYS.endpoint(NODE, mesos, EndpointId.of(mesos)))).isPresent();
    assertThat(cni.dataplane.plumbed()).hasSize(3);
    assertThat(cni.allocated()).isEqualTo(3);
  }

  @Test
  void gc_releases_what_its_networks_unnamed_handles_hold_with_no_record() {
    AttachmentId cutShort = id(NETWORK, new ContainerId("cut-short"), "eth0");
    AttachmentId valid = id(NETWORK, new ContainerId("ipam-only"), "eth0");
    AttachmentId otherNetwork = id(new NetworkName("other-net"), new ContainerId("cut-short"), "eth0");
    for (AttachmentId held : List.of(cutShort, valid, otherNetwork)) {
      cni.assign.assign(new AssignAddressesCommand.Allocate(NODE, held.handle(), AttachmentFixture.HOSTNAME, 1, 0, List.of(), List.of(),
          Map.of()));
    }

    cni.collect.collect(NETWORK, Set.of(valid));

    assertThat(cni.memory.get(KEYS.handle(cutShort.handle()))).isEmpty();
    assertThat(cni.memory.get(KEYS.handle(valid.handle()))).isPresent();
    assertThat(cni.memory.get(KEYS.handle(otherNetwork.handle()))).isPresent();
    assertThat(cni.allocated()).isEqualTo(2);
  }

  @Test
  void readiness_writes_nothing_on_an_empty_store_and_refuses_a_full_or_unknown_pool() {
    long empty = cni.revision();
    assertThatCode(() -> cni.readiness.ready(true, true, List.of())).doesNotThrowAnyException();
    assertThat(cni.revision()).isEqualTo(empty);

    new PoolService(cni.memory, KEYS, AttachmentFixture.IPAM)
        .add(new AddPoolCommand(cidr("10.77.0.0/30"), OptionalInt.of(30), false));
    cni.attach.attach(command(id("eth0"), new org.calicomesos.ports.attachment.AddressRequest(0, 0,
        List.of(ip("10.77.0.0"), ip("10.77.0.1"), ip("10.77.0.2"), ip("10.77.0.3")), List.of())));

    assertThatThrownBy(() -> cni.readiness.ready(true, false, List.of()))
        .isInstanceOf(NetworkNotReadyException.class).hasMessage("no pool has a free IPv4 address");
    assertThatThrownBy(() -> cni.readiness.ready(false, true, List.of()))
        .isInstanceOf(NetworkNotReadyException.class).hasMessage("no pool has a free IPv6 address");
    assertThatThrownBy(() -> cni.readiness.ready(true, false, List.of(cidr("10.88.0.0/24"))))
        .isInstanceOf(NetworkNotReadyException.class).hasMessageStartingWith("there is no pool 10.88.0.0/24");
    cni.detach.detach(id("eth0"));
    assertThatCode(() -> cni.readiness.ready(true, false, List.of(cidr("10.77.0.0/30")))).doesNotThrowAnyException();
  }
}
