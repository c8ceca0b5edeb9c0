package org.calicomesos.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.EndpointNotFoundException;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

class EndpointLabelServiceTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("agent-1");

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final EndpointLabelService labels = new EndpointLabelService(store, KEYS);

  @Test
  void sets_and_removes_labels_and_keeps_the_rest_of_the_record() {
    isolate("a", Map.of("app", "web", "tier", "front"));
    EndpointDetails before = details("a");

    labels.label(new ContainerId("a"), Optional.of(NODE), Map.of("app", "api", "owner", "ops"), Set.of("tier", "x"));

    EndpointDetails after = details("a");
    assertThat(after.labels()).isEqualTo(Map.of("app", "api", "owner", "ops"));
    assertThat(after.ipv4Nets()).isEqualTo(before.ipv4Nets());
    assertThat(after.profiles()).isEqualTo(before.profiles());
    assertThat(after.mac()).isEqualTo(before.mac());
    assertThat(after.state()).isEqualTo("active");
  }

  @Test
  void an_unchanged_label_set_writes_nothing_and_a_missing_container_or_bad_key_is_refused_without_writing() {
    isolate("a", Map.of("app", "web"));
    List<Long> revisions = revisions();

    labels.label(new ContainerId("a"), Optional.empty(), Map.of("app", "web"), Set.of("absent"));
    assertThat(revisions()).isEqualTo(revisions);

    assertThatThrownBy(() -> labels.label(new ContainerId("b"), Optional.empty(), Map.of("x", "y"), Set.of()))
        .isInstanceOf(EndpointNotFoundException.class);
    assertThatThrownBy(() -> labels.label(new ContainerId("a"), Optional.empty(), Map.of("bad\nkey", "y"), Set.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("label key 'bad?key' must be 1 to 253 characters, none of them a control character");
    assertThat(revisions()).isEqualTo(revisions);
  }

  private List<Long> revisions() {
    return store.list(KEYS.hostRoot()).entries().stream().map(Entry::revision).toList();
  }

  private EndpointDetails details(String container) {
    return new ListEndpointsService(store, KEYS).ofContainer(new ContainerId(container), Optional.empty()).get(0)
        .details().value().orElseThrow();
  }

  private void isolate(String container, Map<String, String> taskLabels) {
    IpamSettings ipam = new IpamSettings(Addresses.parseCidr("v4", "198.18.0.0/24"),
        Addresses.parseCidr("v6", "fd00:c0de::/120"));
    var allocated = new AllocateAddressesService(store, KEYS, ipam)
        .allocate(new AllocateCommand(NODE, new HandleId("uid-" + container), 1, 0, Map.of()));
    new IsolateService(store, KEYS, new MemoryDataplane(), new EndpointSettings(NODE, 1500,
        Optional.of(Addresses.parseAnyAddress("test", "10.0.0.5"))))
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242),
            allocated.ipv4(), List.of(new Netgroup("prod")), taskLabels));
  }
}
