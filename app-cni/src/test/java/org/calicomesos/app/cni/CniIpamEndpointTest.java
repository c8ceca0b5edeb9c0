package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;
import inet.ipaddr.IPAddress;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.junit.jupiter.api.Test;

/** The calico-mesos-ipam plugin: addresses by the attachment's handle, nothing plumbed. */
class CniIpamEndpointTest {
  private static final Configuration CONFIGURATION = new ConfigurationReader(() -> "machine")
      .read(Map.of("CALICO_NODENAME", "node-7", "CALICO_DATASTORE", "memory"));

  private final List<Object> calls = new ArrayList<>();
  private final AssignAddressesUseCase assign = command -> {
    calls.add(command);
    return new AllocatedAddresses(List.of(Fixtures.ip("10.0.0.6")), List.of());
  };
  private final ReleaseAddressesUseCase release = command -> {
    calls.add(command);
    return null;
  };
  private final NetworkReadinessUseCase readiness = (ipv4, ipv6, pools) -> calls.add(List.of(ipv4, ipv6));
  private final ManagePoolsUseCase pools = new ManagePoolsUseCase() {
    @Override
    public Pool add(AddPoolCommand command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<PoolUsage> list() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Pool> pools() {
      return List.of(new Pool(Fixtures.ip("10.0.0.0/16"), 26, false, Encapsulation.NONE));
    }

    @Override
    public Pool setEncapsulation(IPAddress cidr, Encapsulation encapsulation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Pool setNatOutgoing(IPAddress cidr, boolean on) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(IPAddress cidr) {
      throw new UnsupportedOperationException();
    }
  };
  private final CollectAttachmentsUseCase collect = (network, valid) -> {
    calls.add("GC " + network + " " + valid);
    return List.of();
  };
  private final CniIpamEndpoint endpoint = new CniIpamEndpoint(() -> assign, () -> release, () -> readiness,
      () -> pools, () -> collect, CONFIGURATION);

  @Test
  void addReleasesWhatTheHandleHeldThenAllocatesAndAnswersTheAddresses() {
    PluginResponse response = handle("ADD", CniRequests.config("0.3.1",
        "\"ipam\":{\"type\":\"calico-mesos-ipam\",\"assign_ipv6\":false}"), "CNI_NETNS", null);

    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)).isEqualTo(new ReleaseCommand.ByHandle(Fixtures.ID.handle()));
    AssignAddressesCommand.Allocate allocate = (AssignAddressesCommand.Allocate) calls.get(1);
    assertThat(allocate.node()).isEqualTo(new NodeName("node-7"));
    assertThat(allocate.handle().value()).isEqualTo("net1:c1:eth0");
    assertThat(allocate.ipv4Count()).isEqualTo(1);
    assertThat(allocate.ipv6Count()).isZero();
    assertThat(allocate.netgroups()).isEmpty();
    assertThat(response.toString()).isEqualTo("{\"cniVersion\":\"0.3.1\",\"ips\":[{\"version\":\"4\","
        + "\"address\":\"10.0.0.6/16\",\"gateway\":\"169.254.1.1\"}],\"routes\":[],\"dns\":{}}\n");
  }

  @Test
  void delReleasesEverythingTheHandleHolds() {
    PluginResponse response = handle("DEL", CniRequests.config("0.4.0", ""));

    assertThat(calls).containsExactly(new ReleaseCommand.ByHandle(Fixtures.ID.handle()));
    assertThat(response.body()).isEmpty();
  }

  @Test
  void checkTouchesNothing() {
    assertThat(handle("CHECK", CniRequests.config("0.4.0", "")).success()).isTrue();
    assertThat(calls).isEmpty();
  }

  @Test
  void gcCollectsTheNetworkKeepingTheValidAttachments() {
    assertThat(handle("GC", CniRequests.config("1.1.0", "\"cni.dev/valid-attachments\":[]")).success()).isTrue();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).toString()).startsWith("GC ").endsWith(" []");
  }

  @Test
  void statusAsksTheNetworksReadiness() {
    handle("STATUS", CniRequests.config("1.1.0", ""));

    assertThat(calls).containsExactly(List.of(true, false));
  }

  private PluginResponse handle(String command, String config, String... extra) {
    return endpoint.handle(CniRequests.request(CniProtocol.ipam(null), CniRequests.environment(command, extra), config),
        RequestLog.start(), RequestGate.OPEN);
  }
}
