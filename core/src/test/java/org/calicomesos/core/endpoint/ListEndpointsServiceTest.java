package org.calicomesos.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.EndpointNotFoundException;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.junit.jupiter.api.Test;

/** {@code endpoint list|show} over records the real isolate service wrote on two hosts. */
class ListEndpointsServiceTest {
  private final TwoHosts hosts = new TwoHosts();
  private final ListEndpointsService endpoints = new ListEndpointsService(hosts.store, TwoHosts.KEYS);

  @Test
  void lists_every_host_by_node_then_container_or_one_host() {
    hosts.isolate(TwoHosts.THERE, "b", 1, 0, "prod");
    hosts.isolate(TwoHosts.HERE, "c", 1, 0, "dev");
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");

    assertThat(endpoints.list(Optional.empty())).extracting(e -> e.node() + "/" + e.container())
        .containsExactly("agent-1/a", "agent-1/c", "agent-2/b");
    assertThat(endpoints.list(Optional.of(TwoHosts.THERE))).extracting(WorkloadEndpoint::container)
        .containsExactly(new ContainerId("b"));
    assertThat(endpoints.list(Optional.of(new NodeName("agent-9")))).isEmpty();
  }

  @Test
  void shows_a_container_in_full_on_whichever_host_it_is() {
    List<IPAddress> addresses = hosts.isolate(TwoHosts.THERE, "b", 1, 1, "public", "prod");

    List<WorkloadEndpoint> found = endpoints.ofContainer(new ContainerId("b"), Optional.empty());

    assertThat(found).hasSize(1);
    WorkloadEndpoint endpoint = found.get(0);
    assertThat(endpoint.node()).isEqualTo(TwoHosts.THERE);
    assertThat(endpoint.id()).isEqualTo(EndpointId.of(new ContainerId("b")));
    EndpointDetails details = endpoint.details().value().orElseThrow();
    assertThat(details.interfaceName()).isEqualTo(endpoint.id().hostInterfaceName());
    assertThat(details.mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    assertThat(details.ipv4Nets()).extracting(IPAddress::toCanonicalString)
        .containsExactly(addresses.get(0).toCanonicalString() + "/32");
    assertThat(details.ipv6Nets()).extracting(IPAddress::toCanonicalString)
        .containsExactly(addresses.get(1).toCanonicalString() + "/128");
    assertThat(details.profiles()).extracting(ProfileName::value).containsExactly("default_agent-2", "public", "prod");
    assertThat(details.labels()).isEqualTo(Map.of("app", "b"));
    assertThat(details.handle()).contains(new HandleId("uid-b"));
    assertThat(details.state()).isEqualTo("active");
    assertThat(endpoints.ofContainer(new ContainerId("b"), Optional.of(TwoHosts.THERE))).isEqualTo(found);
  }

  @Test
  void an_unknown_container_or_the_wrong_host_is_not_found() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");

    assertThatThrownBy(() -> endpoints.ofContainer(new ContainerId("zz"), Optional.empty()))
        .isInstanceOf(EndpointNotFoundException.class)
        .hasMessage("no endpoint of container zz is recorded on any host");
    assertThatThrownBy(() -> endpoints.ofContainer(new ContainerId("a"), Optional.of(TwoHosts.THERE)))
        .isInstanceOf(EndpointNotFoundException.class)
        .hasMessage("no endpoint of container a is recorded on host agent-2");
  }

  @Test
  void an_unreadable_record_is_listed_as_such_and_the_rest_still_are() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    ContainerId broken = new ContainerId("broken");
    hosts.plant(TwoHosts.KEYS.endpoint(TwoHosts.HERE, broken, EndpointId.of(broken)), "{\"state\":\"active\"}");
    // Keys our schema could never write (a node name with a space) are passed over, not listed or fatal.
    hosts.plant(TwoHosts.KEYS.hostRoot() + "bad node/workload/mesos/x/endpoint/" + EndpointId.of(broken), "{}");

    List<WorkloadEndpoint> listed = endpoints.list(Optional.empty());

    assertThat(listed).extracting(e -> e.container().value()).containsExactly("a", "broken");
    assertThat(listed.get(0).details().value()).isPresent();
    assertThat(listed.get(1).details().value()).isEmpty();
    assertThat(listed.get(1).details().problem()).contains("field 'endpoint_id' is missing or not a string");
  }
}
