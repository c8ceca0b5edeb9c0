package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.AttachCommand;
import org.calicomesos.ports.attachment.AttachContainerUseCase;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.CheckAttachmentUseCase;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.attachment.DetachResult;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.HostAddressUnknownException;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

/** The main plugin's dispatch, on use cases of the test's own that record what they were asked. */
class CniEndpointTest {
  private static final Configuration CONFIGURATION = new ConfigurationReader(() -> "machine")
      .read(Map.of("CALICO_NODENAME", "node-7", "CALICO_DATASTORE", "memory", "CALICO_LOG_FILE", "/var/log/cni.log"));

  private final List<Object> calls = new ArrayList<>();
  private final List<String> gated = new ArrayList<>();
  private RuntimeException failure;

  private final AttachContainerUseCase attach = command -> {
    record(command);
    return Fixtures.attachment();
  };
  private final DetachContainerUseCase detach = id -> {
    record(id);
    return new DetachResult(true, true, List.of());
  };
  private final CheckAttachmentUseCase check = (id, namespace, expected) -> record(List.of(id, namespace, expected));
  private final CollectAttachmentsUseCase collect = (network, valid) -> {
    record(List.of(network, valid));
    return List.of();
  };
  private final NetworkReadinessUseCase readiness = (ipv4, ipv6, pools) -> record(List.of(ipv4, ipv6, pools));
  private final RequestGate gate = new RequestGate() {
    @Override
    public <T> T pass(String command, java.util.function.Supplier<T> work) {
      gated.add(command);
      return work.get();
    }
  };
  private final CniEndpoint endpoint = new CniEndpoint(() -> attach, () -> detach, () -> check, () -> collect,
      () -> readiness, CONFIGURATION);

  @Test
  void addBuildsTheAttachCommandFromConfigurationEnvironmentAndMesosAndAnswersTheResult() {
    String config = CniRequests.config("0.2.0", "\"ipam\":{\"assign_ipv6\":true,\"ipv4_pools\":[\"10.0.0.0/16\"]},"
        + "\"runtimeConfig\":{\"ips\":[\"fd00::9/64\"]},\"args\":{\"org.apache.mesos\":{\"network_info\":{"
        + "\"name\":\"net1\",\"groups\":[\"web\"],\"labels\":{\"labels\":[{\"key\":\"app\",\"value\":\"shop\"}]}}}}");

    PluginResponse response = handle(CniRequests.environment("ADD", "CNI_ARGS", "IgnoreUnknown=1;IP=10.0.0.7"), config);

    AttachCommand command = (AttachCommand) calls.get(0);
    assertThat(command.node()).isEqualTo(new NodeName("node-7"));
    assertThat(command.hostname().value()).isEqualTo("node-7");
    assertThat(command.id()).isEqualTo(Fixtures.ID);
    assertThat(command.namespace()).isEqualTo(new NetworkNamespace.AtPath(CniRequests.NETNS));
    assertThat(command.addresses().ipv4Count()).isZero(); // the static IPv4 address stands in for the pool's
    assertThat(command.addresses().ipv6Count()).isZero();
    assertThat(command.addresses().staticAddresses()).extracting(Object::toString).containsExactly("10.0.0.7", "fd00::9");
    assertThat(command.addresses().pools()).extracting(Object::toString).containsExactly("10.0.0.0/16");
    assertThat(command.netgroups()).containsExactly(new Netgroup("web"));
    assertThat(command.labels()).isEqualTo(Map.of("app", "shop"));
    assertThat(gated).containsExactly("ADD");
    assertThat(response.success()).isTrue();
    assertThat(response.toString()).startsWith("{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.0.0.5/32\"");
  }

  @Test
  void addAsksForOneIpv4AddressFromAnyPoolByDefault() {
    handle(CniRequests.environment("ADD"), CniRequests.config("1.0.0", ""));

    AttachCommand command = (AttachCommand) calls.get(0);
    assertThat(command.addresses().ipv4Count()).isEqualTo(1);
    assertThat(command.addresses().ipv6Count()).isZero();
    assertThat(command.addresses().pools()).isEmpty();
    assertThat(command.netgroups()).containsExactly(new Netgroup("net1"));
  }

  @Test
  void delDetachesByIdWithoutANamespaceAndPrintsNothing() {
    PluginResponse response = handle(CniRequests.environment("DEL", "CNI_NETNS", null),
        CniRequests.config("0.4.0", "\"prevResult\":{\"ips\":[{\"address\":\"10.0.0.5/32\"}]}"));

    assertThat(calls).containsExactly(Fixtures.ID);
    assertThat(gated).containsExactly("DEL");
    assertThat(response.success()).isTrue();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void checkComparesWithThePreviousResultInEitherForm() {
    handle(CniRequests.environment("CHECK"), CniRequests.config("0.4.0",
        "\"prevResult\":{\"cniVersion\":\"0.4.0\",\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.5/32\"}]}"));
    handle(CniRequests.environment("CHECK"), CniRequests.config("1.0.0",
        "\"prevResult\":{\"ip4\":{\"ip\":\"10.0.0.6/32\"}}"));

    NetworkNamespace namespace = new NetworkNamespace.AtPath(CniRequests.NETNS);
    assertThat(calls).containsExactly(List.of(Fixtures.ID, namespace, List.of(Fixtures.ip("10.0.0.5"))),
        List.of(Fixtures.ID, namespace, List.of(Fixtures.ip("10.0.0.6"))));
    assertThat(gated).isEmpty();
  }

  @Test
  void aCheckThatFindsADifferenceIsItsOwnCode() {
    AttachmentCheckException difference = new AttachmentCheckException(Fixtures.ID, "has no endpoint record");
    CniEndpoint failing = new CniEndpoint(() -> attach, () -> detach, () -> (id, namespace, expected) -> {
      throw difference;
    }, () -> collect, () -> readiness, CONFIGURATION);

    PluginResponse response = failing.handle(CniRequests.request(CniProtocol.plugin(null),
        CniRequests.environment("CHECK"), CniRequests.config("1.1.0", "")), RequestLog.start(), gate);

    assertThat(response.toString()).isEqualTo("{\"cniVersion\":\"1.1.0\",\"code\":110,\"msg\":\"attachment "
        + "net1/c1/eth0 is not as ADD left it: has no endpoint record\"}\n");
  }

  @Test
  void gcKeepsTheValidAttachments() {
    handle(CniRequests.environment("GC"), CniRequests.config("1.1.0",
        "\"cni.dev/valid-attachments\":[{\"containerID\":\"c2\",\"ifname\":\"eth1\"}]"));

    AttachmentId c2 = new AttachmentId(new NetworkName("net1"), new ContainerId("c2"), new InterfaceName("eth1"));
    assertThat(calls).containsExactly(List.of(new NetworkName("net1"), Set.of(c2)));
    assertThat(gated).containsExactly("GC");
  }

  @Test
  void statusAsksAboutTheFamiliesAndPoolsOfTheNetwork() {
    PluginResponse response = handle(CniRequests.environment("STATUS"),
        CniRequests.config("1.1.0", "\"ipam\":{\"assign_ipv6\":\"true\",\"ipv6_pools\":[\"fd00::/64\"]}"));

    assertThat(calls).containsExactly(List.of(true, true, List.of(Fixtures.ip("fd00::/64"))));
    assertThat(response.body()).isEmpty();
  }

  @Test
  void statusWithoutADatastoreIsPluginNotAvailable() {
    failure = new DatastoreUnavailableException("etcd at http://10.0.0.1:2379", "connection refused", null);

    PluginResponse response = handle(CniRequests.environment("STATUS"), CniRequests.config("1.1.0", ""));

    assertThat(response.toString()).isEqualTo("{\"cniVersion\":\"1.1.0\",\"code\":50,\"msg\":\"cannot reach etcd at "
        + "http://10.0.0.1:2379: connection refused\"}\n");
  }

  @Test
  void addWithoutADatastoreIsTryAgainLaterAndAnExhaustedPoolIsItsOwnCode() {
    failure = new DatastoreUnavailableException("etcd at http://10.0.0.1:2379", "connection refused", null);
    assertThat(handle(CniRequests.environment("ADD"), CniRequests.config("0.3.1", "")).toString())
        .startsWith("{\"cniVersion\":\"0.3.1\",\"code\":11,");

    failure = new PoolExhaustedException("no free IPv4 address in pool 10.0.0.0/16");
    assertThat(handle(CniRequests.environment("ADD"), CniRequests.config("0.3.1", "")).toString())
        .isEqualTo("{\"cniVersion\":\"0.3.1\",\"code\":100,\"msg\":\"no free IPv4 address in pool 10.0.0.0/16\"}\n");
  }

  @Test
  void aHostWithoutAnAddressToAdmitIsAConfigurationErrorNotABug() {
    failure = new HostAddressUnknownException();

    assertThat(handle(CniRequests.environment("ADD"), CniRequests.config("1.0.0", "")).toString())
        .isEqualTo("{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"cannot find an IPv4 address of this host for its "
            + "default profile; set CALICO_HOST_IP\"}\n");
  }

  @Test
  void aBugIsInternalAndPointsAtTheLog() {
    failure = new IllegalStateException("boom");

    PluginResponse response = handle(CniRequests.environment("DEL"), CniRequests.config("1.0.0", ""));

    assertThat(response.toString()).isEqualTo("{\"cniVersion\":\"1.0.0\",\"code\":999,\"msg\":\"internal error "
        + "(IllegalStateException): boom; see /var/log/cni.log\"}\n");
  }

  @Test
  void versionAnswersWithTheRequestsVersionOrTheLatest() {
    assertThat(handle(Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"0.3.1\"}").toString())
        .startsWith("{\"cniVersion\":\"0.3.1\",\"supportedVersions\":[\"0.1.0\",");
    assertThat(handle(Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"7.0.0\"}").toString())
        .startsWith("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":");
    assertThat(calls).isEmpty();
  }

  @Test
  void anUnknownCommandIsCode4AndRecordsNoCommand() {
    RequestLog log = RequestLog.start();

    PluginResponse response = endpoint.handle(CniRequests.request(CniProtocol.plugin(null),
        CniRequests.environment("UPDATE"), CniRequests.config("1.0.0", "")), log, gate);

    assertThat(response.toString()).startsWith("{\"cniVersion\":\"1.0.0\",\"code\":4,\"msg\":\"CNI_COMMAND 'UPDATE'");
    assertThat(log.command()).isEmpty();
  }

  @Test
  void theRequestLogNamesTheCommandAndTheContainer() {
    RequestLog log = RequestLog.start();

    endpoint.handle(CniRequests.request(CniProtocol.plugin(null), CniRequests.environment("DEL"),
        CniRequests.config("1.0.0", "")), log, gate);

    assertThat(log.command()).contains("DEL");
  }

  private PluginResponse handle(Map<String, String> environment, String config) {
    return endpoint.handle(CniRequests.request(CniProtocol.plugin(null), environment, config), RequestLog.start(), gate);
  }

  private void record(Object call) {
    if (failure != null) {
      throw failure;
    }
    calls.add(call);
  }
}
