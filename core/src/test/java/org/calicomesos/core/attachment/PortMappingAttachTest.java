package org.calicomesos.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.attachment.AttachmentFixture.CONTAINER;
import static org.calicomesos.core.attachment.AttachmentFixture.HOSTNAME;
import static org.calicomesos.core.attachment.AttachmentFixture.KEYS;
import static org.calicomesos.core.attachment.AttachmentFixture.NETNS;
import static org.calicomesos.core.attachment.AttachmentFixture.NETWORK;
import static org.calicomesos.core.attachment.AttachmentFixture.NODE;
import static org.calicomesos.core.attachment.AttachmentFixture.count;
import static org.calicomesos.core.attachment.AttachmentFixture.id;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.core.endpoint.EndpointCodec;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.AttachCommand;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.endpoint.HostPortTakenException;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.junit.jupiter.api.Test;

class PortMappingAttachTest {
  private static final PortMapping TCP_8080 = new PortMapping(8080, 80, TransportProtocol.TCP);
  private static final PortMapping UDP_8080 = new PortMapping(8080, 53, TransportProtocol.UDP);
  private static final ContainerId OTHER = new ContainerId("other-container");

  private final AttachmentFixture cni = new AttachmentFixture();

  @Test
  void attach_claims_each_host_port_and_records_the_mappings_on_the_endpoint() {
    cni.attach.attach(command(id("eth0"), TCP_8080, UDP_8080));

    String record = cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id("eth0").endpoint())).orElseThrow().value();
    assertThat(record).contains("\"port_mappings\":[{\"host_port\":8080,\"container_port\":80,\"protocol\":\"tcp\"},"
        + "{\"host_port\":8080,\"container_port\":53,\"protocol\":\"udp\"}]");
    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.TCP, 8080),
        KEYS.portClaim(NODE, TransportProtocol.UDP, 8080));
    assertThat(PortClaims.holder(cni.memory.get(claimKeys().get(0)).orElseThrow()))
        .contains(new PortClaim(CONTAINER, id("eth0").endpoint()));
  }

  @Test
  void a_host_port_another_container_maps_is_refused_with_nothing_written() {
    cni.attach.attach(command(id("eth0"), TCP_8080));
    long revision = cni.revision();
    long allocated = cni.allocated();
    AttachmentId second = id(NETWORK, OTHER, "eth0");

    assertThatThrownBy(() -> cni.attach.attach(command(second, new PortMapping(9090, 90, TransportProtocol.TCP),
        new PortMapping(8080, 81, TransportProtocol.TCP))))
        .isInstanceOf(HostPortTakenException.class)
        .hasMessage("host port tcp 8080 is already mapped on this host, to container " + CONTAINER);

    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.TCP, 8080));
    assertThat(cni.allocated()).isEqualTo(allocated);
    assertThat(cni.memory.get(KEYS.endpoint(NODE, OTHER, second.endpoint()))).isEmpty();
    assertThat(cni.dataplane.plumbed()).hasSize(1);
    assertThat(cni.revision()).isEqualTo(revision);
  }

  @Test
  void a_claim_lost_in_a_race_gives_back_the_claims_the_request_made() {
    PortClaims claims = new PortClaims(cni.memory, KEYS, NODE);
    PortClaim rival = new PortClaim(OTHER, id(NETWORK, OTHER, "eth0").endpoint());
    // The rival's claim lands between this request's listing and its create: the store answers the create's conflict.
    cni.memory.beforeNextWrite(KEYS.portClaim(NODE, TransportProtocol.TCP, 8080),
        () -> claims.claim(rival, List.of(TCP_8080)));

    assertThatThrownBy(() -> cni.attach.attach(command(id("eth0"), UDP_8080, TCP_8080)))
        .isInstanceOf(HostPortTakenException.class);

    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.TCP, 8080));
    assertThat(cni.handlesAndEndpoints()).isEmpty();
  }

  @Test
  void the_same_port_of_another_protocol_is_another_port() {
    cni.attach.attach(command(id("eth0"), TCP_8080));

    cni.attach.attach(command(id(NETWORK, OTHER, "eth0"), UDP_8080));

    assertThat(claimKeys()).hasSize(2);
  }

  @Test
  void attach_again_with_the_same_mappings_succeeds_and_writes_nothing() {
    cni.attach.attach(command(id("eth0"), TCP_8080));
    long revision = cni.revision();

    cni.attach.attach(command(id("eth0"), TCP_8080));

    assertThat(cni.revision()).isEqualTo(revision);
  }

  @Test
  void attach_again_with_other_mappings_gives_back_the_ports_no_longer_asked_for() {
    cni.attach.attach(command(id("eth0"), TCP_8080));

    cni.attach.attach(command(id("eth0"), UDP_8080));

    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.UDP, 8080));
    assertThat(cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id("eth0").endpoint())).orElseThrow().value())
        .contains("\"protocol\":\"udp\"").doesNotContain("\"tcp\"");
  }

  @Test
  void detach_frees_the_claims_so_another_container_can_map_the_port() {
    cni.attach.attach(command(id("eth0"), TCP_8080));

    cni.detach.detach(id("eth0"));

    assertThat(claimKeys()).isEmpty();
    assertThat(cni.handlesAndEndpoints()).isEmpty();
    cni.attach.attach(command(id(NETWORK, OTHER, "eth0"), TCP_8080));
    assertThat(claimKeys()).hasSize(1);
  }

  @Test
  void detach_frees_only_its_own_claims() {
    cni.attach.attach(command(id("eth0"), TCP_8080));
    cni.attach.attach(command(id(NETWORK, OTHER, "eth0"), UDP_8080));

    cni.detach.detach(id("eth0"));

    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.UDP, 8080));
  }

  @Test
  void the_runtimes_gc_takes_the_claims_of_the_attachments_it_removes() {
    cni.attach.attach(command(id("eth0"), TCP_8080));
    cni.attach.attach(command(id(NETWORK, OTHER, "eth0"), UDP_8080));

    cni.collect.collect(NETWORK, Set.of(id(NETWORK, OTHER, "eth0")));

    assertThat(claimKeys()).containsExactly(KEYS.portClaim(NODE, TransportProtocol.UDP, 8080));
  }

  @Test
  void a_failing_plumb_gives_the_claims_back_with_the_addresses() {
    cni.dataplane.failNextPlumb(new DataplaneException("cannot create veth: injected"));

    assertThatThrownBy(() -> cni.attach.attach(command(id("eth0"), TCP_8080))).isInstanceOf(DataplaneException.class);

    assertThat(claimKeys()).isEmpty();
    assertThat(cni.handlesAndEndpoints()).isEmpty();
    assertThat(cni.allocated()).isZero();
  }

  @Test
  void a_failing_allocation_gives_the_claims_back() {
    AttachCommand noPool = new AttachCommand(NODE, HOSTNAME, id("eth0"), NETNS,
        new AddressRequest(1, 0, List.of(), List.of(AttachmentFixture.cidr("10.99.0.0/16"))), List.of(), Map.of(),
        List.of(TCP_8080));

    assertThatThrownBy(() -> cni.attach.attach(noPool)).isInstanceOf(PoolNotFoundException.class);

    assertThat(claimKeys()).isEmpty();
    assertThat(cni.handlesAndEndpoints()).isEmpty();
  }

  @Test
  void one_host_port_twice_in_one_request_is_refused() {
    assertThatThrownBy(() -> command(id("eth0"), TCP_8080, new PortMapping(8080, 81, TransportProtocol.TCP)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("host port tcp 8080 is mapped twice, to container ports 80 and 81");
  }

  @Test
  void the_endpoint_codec_reads_the_mappings_back() {
    cni.attach.attach(command(id("eth0"), TCP_8080, UDP_8080));

    assertThat(EndpointCodec.ENDPOINT.decode(cni.memory.get(KEYS.endpoint(NODE, CONTAINER, id("eth0").endpoint()))
        .orElseThrow()).portMappings()).containsExactly(TCP_8080, UDP_8080);
  }

  private static AttachCommand command(AttachmentId id, PortMapping... mappings) {
    return new AttachCommand(NODE, HOSTNAME, id, NETNS, count(1, 0), List.of(new Netgroup("prod")), Map.of(),
        List.of(mappings));
  }

  private List<String> claimKeys() {
    return cni.memory.list(KEYS.portClaimPrefix(NODE)).entries().stream().map(e -> e.key()).toList();
  }
}
