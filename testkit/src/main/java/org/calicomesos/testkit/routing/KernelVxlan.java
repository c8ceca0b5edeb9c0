package org.calicomesos.testkit.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.KernelState;

/**
 * {@value VxlanTunnel#DEVICE} in a {@link RouteNamespace} as a test arranges and reads it: made by hand with
 * {@code ip -n}, never through an adapter under test, and read back with {@code ip -n <ns> -j} and
 * {@code bridge -n <ns> -j}.
 */
public final class KernelVxlan {
  private static final String DEVICE = VxlanTunnel.DEVICE;

  private final RouteNamespace namespace;

  public KernelVxlan(RouteNamespace namespace) {
    this.namespace = namespace;
  }

  /** Adds the device as Calico has it (VNI 4096, port 4789, no learning, sending from {@code local}), up. */
  public void addAsCalico(String local, String mac, int mtu) {
    add(mac, mtu, "id", String.valueOf(VxlanTunnel.VNI), "local", local, "dstport",
        String.valueOf(VxlanTunnel.PORT), "nolearning");
  }

  /** Adds the device, up, with {@code vxlanOptions} as {@code ip link add … type vxlan} takes them. */
  public void add(String mac, int mtu, String... vxlanOptions) {
    List<String> argv = new ArrayList<>(List.of("link", "add", DEVICE, "address", mac, "mtu", String.valueOf(mtu),
        "up", "type", "vxlan"));
    argv.addAll(List.of(vxlanOptions));
    namespace.ip(argv.toArray(String[]::new));
  }

  /** A peer's two entries, as {@code ip neigh} and {@code bridge fdb} write them. */
  public void addPeer(String address, String mac) {
    namespace.ip("neigh", "replace", address, "lladdr", mac, "dev", DEVICE, "nud", "permanent");
    namespace.bridge("fdb", "replace", mac, "dev", DEVICE, "dst", address, "self", "permanent");
  }

  /** The device as {@code ip -j -d link show} prints it, or a missing node when there is none. */
  public JsonNode link() {
    KernelCommand.Result shown = namespace.attemptIp("-j", "-d", "link", "show", "dev", DEVICE);
    if (!shown.succeeded()) {
      return MissingNode.getInstance();
    }
    return KernelState.parse(shown.stdout()).path(0);
  }

  public boolean exists() {
    return !link().isMissingNode();
  }

  /** The device's neighbour entries ({@code ip -j neigh show dev}), or an empty array without the device. */
  public JsonNode neighbours() {
    return exists() ? KernelState.parse(namespace.ip("-j", "neigh", "show", "dev", DEVICE)) : empty();
  }

  /** Neighbour entries for {@code address} on any link, each with its {@code dev}; also when the device is gone. */
  public List<JsonNode> neighboursTo(String address) {
    List<JsonNode> entries = new ArrayList<>();
    KernelState.parse(namespace.ip("-j", "neigh", "show", "to", address)).forEach(entries::add);
    return entries;
  }

  /** The device's forwarding entries ({@code bridge -j fdb show dev}), or an empty array without the device. */
  public JsonNode forwardingEntries() {
    return exists() ? KernelState.parse(namespace.bridge("-j", "fdb", "show", "dev", DEVICE)) : empty();
  }

  /** IPv4 main-table routes through the device, any protocol. */
  public JsonNode routes() {
    return exists() ? KernelState.parse(namespace.ip("-j", "-4", "route", "show", "dev", DEVICE)) : empty();
  }

  private static JsonNode empty() {
    return KernelState.parse("");
  }
}
