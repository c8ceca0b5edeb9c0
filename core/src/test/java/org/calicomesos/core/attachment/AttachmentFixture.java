package org.calicomesos.core.attachment;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.core.endpoint.CleanupService;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.AssignAddressesService;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.AttachCommand;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** The CNI services over one memory store and dataplane, wired as the plugin wires them. */
final class AttachmentFixture {
  static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  static final NodeName NODE = new NodeName("agent-1");
  static final AgentHostname HOSTNAME = new AgentHostname("agent-1.example");
  static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));
  static final NetworkName NETWORK = new NetworkName("calico-net");
  static final ContainerId CONTAINER = new ContainerId("7c9d2f0e-1111-4a4a-8b8b-0123456789ab");
  static final NetworkNamespace NETNS = new NetworkNamespace.AtPath("/var/run/netns/c1");

  final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  final MemoryDataplane dataplane = new MemoryDataplane().withHostAddress("ens3", ip("10.0.0.5"));
  final EndpointSettings settings = new EndpointSettings(NODE, 1440, Optional.empty());
  final ReleaseAddressesService release = new ReleaseAddressesService(memory, KEYS, IPAM);
  final AssignAddressesService assign = new AssignAddressesService(
      new ReserveAddressesService(memory, KEYS, IPAM), new AllocateAddressesService(memory, KEYS, IPAM), release);
  final DetachService detach = new DetachService(memory, KEYS, dataplane, settings, release);
  final AttachService attach = new AttachService(memory, KEYS, dataplane, settings, assign, release, detach);
  final RecordingPolicyDataplane policy = new RecordingPolicyDataplane();
  final CheckAttachmentService check = new CheckAttachmentService(memory, KEYS, dataplane, policy, settings);
  final CollectAttachmentsService collect = new CollectAttachmentsService(memory, KEYS, settings, detach, release);
  final NetworkReadinessService readiness = new NetworkReadinessService(memory, KEYS, IPAM);
  final IsolateService isolate = new IsolateService(memory, KEYS, dataplane, settings);
  final CleanupService cleanup = new CleanupService(memory, KEYS, dataplane, settings, release);
  final IpamOverviewService overview = new IpamOverviewService(memory, KEYS, IPAM);

  static AttachmentId id(String ifname) {
    return id(NETWORK, CONTAINER, ifname);
  }

  static AttachmentId id(NetworkName network, ContainerId container, String ifname) {
    return new AttachmentId(network, container, new InterfaceName(ifname));
  }

  static AttachCommand command(AttachmentId id, AddressRequest addresses) {
    return new AttachCommand(NODE, HOSTNAME, id, NETNS, addresses, List.of(new Netgroup("prod")),
        Map.of("app", "web"));
  }

  static AddressRequest count(int ipv4, int ipv6) {
    return new AddressRequest(ipv4, ipv6, List.of(), List.of());
  }

  /** Addresses assigned in every pool, all told. */
  long allocated() {
    return overview.show(Optional.empty()).pools().stream().mapToLong(PoolUsage::allocated).sum();
  }

  /** The keys of every handle and every endpoint record: what an attachment holds in the store. */
  List<String> handlesAndEndpoints() {
    List<String> keys = new ArrayList<>();
    memory.list(KEYS.handlePrefix()).entries().forEach(entry -> keys.add(entry.key()));
    memory.list(KEYS.hostRoot()).entries().forEach(entry -> keys.add(entry.key()));
    return keys;
  }

  long revision() {
    return memory.list("/").revision();
  }

  static IPAddress ip(String text) {
    return Addresses.parseAnyAddress("ip", text);
  }

  static IPAddress cidr(String text) {
    return Addresses.parseCidr("cidr", text);
  }
}
