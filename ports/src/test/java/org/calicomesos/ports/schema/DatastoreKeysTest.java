package org.calicomesos.ports.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.TransportProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatastoreKeysTest {
  private final DatastoreKeys keys = new DatastoreKeys("/calico");

  @Test
  void keys_follow_calicos_layout_with_cidr_slashes_written_as_dashes() {
    assertThat(keys.pool(Addresses.parseCidr("c", "10.0.0.0/16"))).isEqualTo("/calico/v1/ipam/v4/pool/10.0.0.0-16");
    assertThat(keys.block(Addresses.parseCidr("c", "fd00::/122"))).isEqualTo("/calico/ipam/v2/assignment/ipv6/block/fd00::-122");
    assertThat(keys.affinity(new NodeName("agent-1"), Addresses.parseCidr("c", "10.0.0.64/26")))
        .isEqualTo("/calico/ipam/v2/host/agent-1/ipv4/block/10.0.0.64-26");
    assertThat(keys.handle(new HandleId("uid-1"))).isEqualTo("/calico/ipam/v2/handle/uid-1");
  }

  @Test
  void port_claims_live_outside_v1_and_read_back_only_when_ours() {
    NodeName node = new NodeName("agent-1");
    String claim = keys.portClaim(node, TransportProtocol.UDP, 8080);
    assertThat(claim).isEqualTo("/calico/portmap/v1/host/agent-1/udp/8080").doesNotStartWith(keys.v1Root());
    assertThat(keys.parsePortClaim(node, claim))
        .contains(new DatastoreKeys.PortClaimKey(node, TransportProtocol.UDP, 8080));
    assertThat(keys.parsePortClaim(node, "/calico/portmap/v1/host/agent-1/tcp/65536")).isEmpty();
    assertThat(keys.parsePortClaim(node, "/calico/portmap/v1/host/agent-1/tcp/080")).isEmpty();
    assertThat(keys.parsePortClaim(node, "/calico/portmap/v1/host/agent-1/TCP/80")).isEmpty();
    assertThat(keys.parsePortClaim(node, "/calico/portmap/v1/host/agent-1/icmp/80")).isEmpty();
    assertThat(keys.parsePortClaim(node, "/calico/portmap/v1/host/agent-2/tcp/80")).isEmpty();
  }

  @Test
  void keys_read_back_into_what_they_name() {
    String affinity = keys.affinity(new NodeName("agent-1"), Addresses.parseCidr("c", "fd00::40/122"));
    DatastoreKeys.AffinityKey parsed = keys.parseAffinity(affinity).orElseThrow();
    assertThat(parsed.node()).isEqualTo(new NodeName("agent-1"));
    assertThat(parsed.blockCidr()).isEqualTo(Addresses.parseCidr("c", "fd00::40/122"));
    assertThat(DatastoreKeys.cidrOf(keys.pool(Addresses.parseCidr("c", "10.0.0.0/16"))))
        .isEqualTo(Addresses.parseCidr("c", "10.0.0.0/16"));
    assertThat(keys.parseAffinity("/calico/ipam/v2/handle/x")).isEmpty();
    assertThat(keys.isPoolKey(keys.pool(Addresses.parseCidr("c", "fd00::/64")))).isTrue();
    assertThat(keys.isPoolKey("/calico/v1/ipam/v4/config")).isFalse();
  }

  @Test
  void endpoint_and_profile_keys_read_back_and_keys_with_names_we_refuse_are_not_ours() {
    var node = new NodeName("agent-1");
    var container = new org.calicomesos.ports.model.ContainerId("c-1");
    var endpoint = org.calicomesos.ports.model.EndpointId.of(container);
    var parsed = keys.parseEndpoint(keys.endpoint(node, container, endpoint)).orElseThrow();
    assertThat(parsed).isEqualTo(new DatastoreKeys.EndpointKey(node, container, endpoint));
    var prod = new org.calicomesos.ports.model.ProfileName("prod");
    assertThat(keys.parseProfile(keys.profileTags(prod)))
        .contains(new DatastoreKeys.ProfileKey(prod, DatastoreKeys.ProfileKey.Part.TAGS));

    // Written by hand or by something else: a reader skips them instead of failing on them.
    assertThat(keys.parseEndpoint("/calico/v1/host/-bad/workload/mesos/c-1/endpoint/e")).isEmpty();
    assertThat(keys.parseEndpoint("/calico/v1/host/agent-1/workload/mesos/a;b/endpoint/e")).isEmpty();
    assertThat(keys.parseProfile("/calico/v1/policy/profile/x}y/rules")).isEmpty();
    assertThat(keys.parseProfile("/calico/v1/policy/profile/prod/labels")).isEmpty();
  }

  @Test
  void registration_and_config_keys_sit_beside_the_records_operators_know_and_read_back() {
    var node = new NodeName("agent-1");
    assertThat(keys.registration(node)).isEqualTo("/calico/v1/host/agent-1/registration");
    assertThat(keys.parseRegistration(keys.registration(node))).contains(node);
    assertThat(keys.routeMode()).isEqualTo("/calico/v1/config/route_mode");
    assertThat(keys.bgpConfig()).isEqualTo("/calico/v1/config/bgp");
    assertThat(keys.routeMode()).startsWith(keys.configRoot()).startsWith(keys.v1Root());

    // A registration is no endpoint, an endpoint no registration, and a name we refuse is not ours.
    assertThat(keys.parseEndpoint(keys.registration(node))).isEmpty();
    var container = new org.calicomesos.ports.model.ContainerId("c-1");
    assertThat(keys.parseRegistration(
        keys.endpoint(node, container, org.calicomesos.ports.model.EndpointId.of(container)))).isEmpty();
    assertThat(keys.parseRegistration("/calico/v1/host/-bad/registration")).isEmpty();
    assertThat(keys.parseRegistration("/calico/v1/host/agent-1/registration/x")).isEmpty();
    assertThat(keys.parseRegistration("/calico/v1/config/route_mode")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"calico", "/calico/", "/", "/ca lico", "/calico/../etc", "/a//b"})
  void a_prefix_must_be_a_plain_absolute_path(String prefix) {
    assertThatThrownBy(() -> new DatastoreKeys(prefix)).isInstanceOf(InvalidRequestException.class);
  }
}
