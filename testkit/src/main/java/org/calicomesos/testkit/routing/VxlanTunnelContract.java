package org.calicomesos.testkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.dataplane.RootUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link VxlanTunnel} adapter must show. Each test gets a {@link RouteNamespace} of its own
 * standing in for the host, and calls the adapter on a thread inside it; what the kernel holds is read back with
 * {@code ip -n <namespace> -j} and {@code bridge -n <namespace> -j} ({@link KernelVxlan}), never through the
 * adapter, and anything arranged beforehand is made by hand the same way. Deleting the namespace after each test
 * takes the device and its entries with it, also when the test failed. Needs root: without it the suite fails
 * rather than skips.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class VxlanTunnelContract {
  /** The adapter under test; called once per test, on the test's thread. */
  protected abstract VxlanTunnel vxlanTunnel();

  /** The namespace's own address (on {@link RouteNamespace#LINK}) and another one the host could move to. */
  private static final String LOCAL = "203.0.113.2";
  private static final String OTHER_LOCAL = "203.0.113.4";
  private static final VxlanDevice DEVICE = device(LOCAL, "66:c0:de:00:00:01", 1410);
  /** Another host, deliberately on no link of this one: reaching it is the tunnel's job. */
  private static final VxlanPeer PEER = peer("198.51.100.21", "66:c0:de:00:01:21");
  private static final String BLOCK = "10.65.0.0/26";

  private RouteNamespace namespace;
  private KernelVxlan kernel;
  private VxlanTunnel tunnel;

  @BeforeAll
  static void requireRoot() {
    RootUser.require("the VXLAN tunnel contract creates network namespaces");
  }

  @BeforeEach
  final void openNamespace() {
    namespace = RouteNamespace.create();
    kernel = new KernelVxlan(namespace);
    tunnel = new InsideVxlanTunnel(vxlanTunnel(), namespace.inside());
  }

  @AfterEach
  final void closeNamespace() {
    if (namespace != null) {
      namespace.close();
    }
  }

  // 1. The device

  @Test
  void ensureCreatesTheDeviceWithEveryPropertyAndUp() {
    tunnel.ensure(DEVICE);

    assertKernelDevice(DEVICE);
    assertThat(tunnel.device()).contains(DEVICE);
    assertThat(tunnel.peers()).isEmpty();
    assertThat(kernel.forwardingEntries()).as("a fresh device has no forwarding entries").isEmpty();
  }

  @Test
  void ensuringTheSameDeviceAgainChangesNothing() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    String before = snapshot();

    tunnel.ensure(DEVICE);

    assertThat(snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> changesInPlace() {
    return Stream.of(Arguments.of("a new MTU", device(LOCAL, "66:c0:de:00:00:01", 1370)),
        Arguments.of("a new MAC", device(LOCAL, "66:c0:de:00:00:02", 1410)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changesInPlace")
  void ensureWithANewMtuOrMacChangesTheDeviceInPlaceKeepingItsPeersAndRoutes(String change, VxlanDevice changed) {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    addRouteByHand(PEER);
    int index = ifindex();

    tunnel.ensure(changed);

    assertKernelDevice(changed);
    assertThat(ifindex()).as("the same device").isEqualTo(index);
    assertKernelPeer(PEER);
    assertThat(kernel.routes()).hasSize(1);
    assertThat(tunnel.device()).contains(changed);
  }

  @Test
  void ensureBringsADownDeviceUpInPlace() {
    kernel.addAsCalico(LOCAL, "66:c0:de:00:00:01", 1410);
    namespace.ip("link", "set", VxlanTunnel.DEVICE, "down");
    int index = ifindex();
    assertThat(tunnel.device()).as("a device that is down is not the one we want").isEmpty();

    tunnel.ensure(DEVICE);

    assertKernelDevice(DEVICE);
    assertThat(ifindex()).isEqualTo(index);
  }

  @Test
  void ensureWithAnotherLocalReplacesTheDeviceDroppingItsPeersAndRoutes() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    addRouteByHand(PEER);
    int index = ifindex();
    VxlanDevice moved = device(OTHER_LOCAL, "66:c0:de:00:00:01", 1410);

    tunnel.ensure(moved);

    assertKernelDevice(moved);
    assertThat(ifindex()).as("a new device").isNotEqualTo(index);
    assertThat(kernel.neighbours()).isEmpty();
    assertThat(kernel.forwardingEntries()).isEmpty();
    assertThat(kernel.routes()).isEmpty();
    assertThat(tunnel.peers()).isEmpty();
  }

  static Stream<Arguments> otherTunnels() {
    return Stream.of(
        Arguments.of("another VNI", List.of("id", "42", "local", LOCAL, "dstport", "4789", "nolearning")),
        Arguments.of("another port", List.of("id", "4096", "local", LOCAL, "dstport", "8472", "nolearning")),
        Arguments.of("learning on", List.of("id", "4096", "local", LOCAL, "dstport", "4789", "learning")),
        Arguments.of("no local address", List.of("id", "4096", "dstport", "4789", "nolearning")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherTunnels")
  void aVxlanDeviceOfThatNameThatIsNotOursIsNotReportedAndEnsureReplacesIt(String difference, List<String> options) {
    kernel.add("66:c0:de:00:00:01", 1410, options.toArray(String[]::new));

    assertThat(tunnel.device()).as("a device with %s", difference).isEmpty();
    tunnel.ensure(DEVICE);

    assertKernelDevice(DEVICE);
    assertThat(tunnel.device()).contains(DEVICE);
  }

  @Test
  void aLinkOfThatNameThatIsNotVxlanIsRefusedInOneLineAndLeftAlone() {
    namespace.ip("link", "add", VxlanTunnel.DEVICE, "type", "bridge");
    String before = kernel.link().toString();

    assertThatThrownBy(() -> tunnel.ensure(DEVICE))
        .isInstanceOf(DataplaneException.class)
        .hasMessageContaining(VxlanTunnel.DEVICE)
        .hasMessageContaining("not a VXLAN device")
        .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator").doesNotContain("\n"));
    assertThatThrownBy(() -> tunnel.addPeer(PEER)).isInstanceOf(DataplaneException.class)
        .hasMessageContaining(PEER.address().toCanonicalString());
    assertThat(tunnel.device()).isEmpty();
    assertThat(tunnel.peers()).isEmpty();
    assertThat(tunnel.remove()).as("it is not our device to remove").isFalse();

    assertThat(kernel.link().toString()).isEqualTo(before);
    assertThat(kernel.link().path("linkinfo").path("info_kind").asText()).isEqualTo("bridge");
  }

  @Test
  void anotherDeviceWithOurVniAndPortIsReportedInOneLineAndLeftAlone() {
    namespace.ip("link", "add", "vx9", "type", "vxlan", "id", String.valueOf(VxlanTunnel.VNI), "dstport",
        String.valueOf(VxlanTunnel.PORT), "nolearning");

    assertThatThrownBy(() -> tunnel.ensure(DEVICE))
        .isInstanceOf(DataplaneException.class)
        .hasMessageContaining(VxlanTunnel.DEVICE)
        .hasMessageContaining("VNI " + VxlanTunnel.VNI)
        .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator").doesNotContain("\n"));

    assertThat(kernel.exists()).isFalse();
    assertThat(namespace.attemptIp("link", "show", "dev", "vx9").succeeded()).isTrue();
  }

  @Test
  void removeDeletesTheDeviceOnceAndThenReportsFalse() {
    tunnel.ensure(DEVICE);

    assertThat(tunnel.remove()).isTrue();
    assertThat(tunnel.remove()).isFalse();

    assertThat(kernel.exists()).isFalse();
    assertThat(tunnel.device()).isEmpty();
  }

  @Test
  void removeTakesThePeersAndTheRoutesThroughTheDeviceWithIt() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    addRouteByHand(PEER);

    assertThat(tunnel.remove()).isTrue();

    assertThat(kernel.exists()).isFalse();
    assertThat(namespace.routesTo(BLOCK)).isEmpty();
    assertThat(kernel.neighboursTo(PEER.address().toCanonicalString())).isEmpty();
  }

  @Test
  void withoutTheDeviceThereIsNoDeviceNorPeerAndRemovingAPeerIsFalse() {
    assertThat(tunnel.device()).isEmpty();
    assertThat(tunnel.peers()).isEmpty();
    assertThat(tunnel.removePeer(PEER)).isFalse();
    assertThat(kernel.exists()).isFalse();
  }

  // 2. Peers

  @Test
  void addPeerWritesAPermanentNeighbourAndForwardingEntryAndPeersListsIt() {
    tunnel.ensure(DEVICE);

    tunnel.addPeer(PEER);

    assertKernelPeer(PEER);
    assertThat(kernel.neighbours()).hasSize(1);
    assertThat(kernel.forwardingEntries()).hasSize(1);
    assertThat(tunnel.peers()).containsExactly(PEER);
  }

  @Test
  void addingTheSamePeerAgainChangesNothing() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    String before = snapshot();

    tunnel.addPeer(PEER);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(tunnel.peers()).containsExactly(PEER);
  }

  @Test
  void addPeerWithANewMacForTheSameAddressRewritesBothEntries() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    VxlanPeer rebuilt = peer(PEER.address().toCanonicalString(), "66:c0:de:00:01:99");

    tunnel.addPeer(rebuilt);

    assertKernelPeer(rebuilt);
    assertThat(kernel.neighbours()).hasSize(1);
    assertThat(kernel.forwardingEntries()).as("the old MAC's forwarding entry is gone").hasSize(1);
    assertThat(tunnel.peers()).containsExactly(rebuilt);
  }

  @Test
  void removePeerRemovesBothEntriesOnceAndThenReportsFalse() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);

    assertThat(tunnel.removePeer(PEER)).isTrue();
    assertThat(tunnel.removePeer(PEER)).isFalse();

    assertThat(kernel.neighbours()).isEmpty();
    assertThat(kernel.forwardingEntries()).isEmpty();
    assertThat(tunnel.peers()).isEmpty();
    assertThat(kernel.exists()).as("the device stays").isTrue();
  }

  @Test
  void removingThePeerWithAnotherMacLeavesItsEntriesAlone() {
    tunnel.ensure(DEVICE);
    tunnel.addPeer(PEER);
    String before = snapshot();

    assertThat(tunnel.removePeer(peer(PEER.address().toCanonicalString(), "66:c0:de:00:01:99"))).isFalse();

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aHalfWrittenPeerIsNotListedAndAddPeerCompletesIt() {
    tunnel.ensure(DEVICE);
    VxlanPeer forwardingOnly = peer("198.51.100.22", "66:c0:de:00:01:22");
    namespace.ip("neigh", "add", PEER.address().toCanonicalString(), "lladdr", mac(PEER), "dev",
        VxlanTunnel.DEVICE, "nud", "permanent");
    namespace.bridge("fdb", "add", mac(forwardingOnly), "dev", VxlanTunnel.DEVICE, "dst",
        forwardingOnly.address().toCanonicalString(), "self", "permanent");

    assertThat(tunnel.peers()).isEmpty();
    tunnel.addPeer(PEER);
    tunnel.addPeer(forwardingOnly);

    assertKernelPeer(PEER);
    assertKernelPeer(forwardingOnly);
    assertThat(tunnel.peers()).containsExactlyInAnyOrder(PEER, forwardingOnly);
  }

  @Test
  void addPeerWithoutTheDeviceIsRefusedInOneLine() {
    assertThatThrownBy(() -> tunnel.addPeer(PEER))
        .isInstanceOf(DataplaneException.class)
        .hasMessageContaining(PEER.address().toCanonicalString())
        .hasMessageContaining(VxlanTunnel.DEVICE)
        .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator").doesNotContain("\n"));

    assertThat(kernel.exists()).isFalse();
  }

  @Test
  void aHundredPeersAreListedAndRemoved() {
    tunnel.ensure(DEVICE);
    List<VxlanPeer> peers = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      peers.add(peer("192.0.2." + i, String.format("66:c0:de:01:00:%02x", i)));
    }
    peers.forEach(tunnel::addPeer);

    assertThat(tunnel.peers()).containsExactlyInAnyOrderElementsOf(peers);
    assertThat(kernel.neighbours()).hasSize(100);
    assertThat(kernel.forwardingEntries()).hasSize(100);

    peers.forEach(p -> assertThat(tunnel.removePeer(p)).as("removing %s", p).isTrue());
    assertThat(tunnel.peers()).isEmpty();
    assertThat(kernel.neighbours()).isEmpty();
    assertThat(kernel.forwardingEntries()).isEmpty();
  }

  // helpers

  private void assertKernelDevice(VxlanDevice expected) {
    JsonNode link = kernel.link();
    assertThat(link.isMissingNode()).as("%s exists", VxlanTunnel.DEVICE).isFalse();
    JsonNode info = link.path("linkinfo");
    assertThat(info.path("info_kind").asText()).isEqualTo("vxlan");
    JsonNode data = info.path("info_data");
    assertThat(data.path("id").asInt()).as("VNI").isEqualTo(VxlanTunnel.VNI);
    assertThat(data.path("port").asInt()).as("UDP port").isEqualTo(VxlanTunnel.PORT);
    assertThat(data.path("learning").isBoolean()).as("learning is reported").isTrue();
    assertThat(data.path("learning").asBoolean()).as("learning").isFalse();
    assertThat(data.path("local").asText()).isEqualTo(expected.local().toCanonicalString());
    assertThat(link.path("address").asText()).isEqualTo(expected.mac().toColonDelimitedString().toLowerCase());
    assertThat(link.path("mtu").asInt()).isEqualTo(expected.mtu());
    assertThat(texts(link.path("flags"))).contains("UP");
  }

  private void assertKernelPeer(VxlanPeer peer) {
    String address = peer.address().toCanonicalString();
    List<JsonNode> neighbours = kernel.neighboursTo(address);
    assertThat(neighbours).as("neighbour entries for %s", address).hasSize(1);
    assertThat(neighbours.get(0).path("dev").asText()).isEqualTo(VxlanTunnel.DEVICE);
    assertThat(neighbours.get(0).path("lladdr").asText()).isEqualTo(mac(peer));
    assertThat(texts(neighbours.get(0).path("state"))).contains("PERMANENT");
    List<JsonNode> forwarding = new ArrayList<>();
    kernel.forwardingEntries().forEach(entry -> {
      if (entry.path("mac").asText().equals(mac(peer))) {
        forwarding.add(entry);
      }
    });
    assertThat(forwarding).as("forwarding entries for %s", mac(peer)).hasSize(1);
    assertThat(forwarding.get(0).path("dst").asText()).isEqualTo(address);
    assertThat(texts(forwarding.get(0).path("flags"))).contains("self");
    assertThat(forwarding.get(0).path("state").asText()).isEqualTo("permanent");
  }

  /** A route through the device to {@code peer}, as the route table would add it. */
  private void addRouteByHand(VxlanPeer peer) {
    namespace.ip("route", "add", BLOCK, "via", peer.address().toCanonicalString(), "dev", VxlanTunnel.DEVICE,
        "onlink", "proto", "196");
  }

  /** Everything ensure or addPeer could change: the device (with its index), its entries and routes. */
  private String snapshot() {
    return kernel.link() + "\n" + kernel.neighbours() + "\n" + kernel.forwardingEntries() + "\n" + kernel.routes();
  }

  private int ifindex() {
    return kernel.link().path("ifindex").asInt();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private static String mac(VxlanPeer peer) {
    return peer.mac().toColonDelimitedString().toLowerCase();
  }

  private static VxlanDevice device(String local, String mac, int mtu) {
    return new VxlanDevice(new IPAddressString(local).getAddress(), new MACAddressString(mac).getAddress(), mtu);
  }

  private static VxlanPeer peer(String address, String mac) {
    return new VxlanPeer(new IPAddressString(address).getAddress(), new MACAddressString(mac).getAddress());
  }
}
