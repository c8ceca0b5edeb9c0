package org.calicomesos.app.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * One IPAM story across five hosts — own blocks, claims, borrowing, strict affinity, static addresses,
 * conflicts, exhaustion, IPv6, release both ways, the overview and the check — told as a transcript of
 * what an operator would observe. The same store-independent algorithm over any correct store must tell
 * it word for word alike.
 */
final class IpamScenario {
  private static final IpamSettings SETTINGS = new IpamSettings(
      Addresses.parseCidr("v4", "192.168.0.0/16"), Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));

  private final List<String> transcript = new ArrayList<>();
  private final PoolService pools;
  private final AllocateAddressesService allocate;
  private final ReserveAddressesService reserve;
  private final ReleaseAddressesService release;
  private final IpamOverviewService overview;
  private final IpamChecker checker;

  private IpamScenario(KeyValueStore store, String prefix) {
    DatastoreKeys keys = new DatastoreKeys(prefix);
    pools = new PoolService(store, keys, SETTINGS);
    allocate = new AllocateAddressesService(store, keys, SETTINGS);
    reserve = new ReserveAddressesService(store, keys, SETTINGS);
    release = new ReleaseAddressesService(store, keys, SETTINGS);
    overview = new IpamOverviewService(store, keys, SETTINGS);
    checker = new IpamChecker(store, keys, SETTINGS);
  }

  /** Plays the story under {@code prefix} (so a shared server may hold several runs) and returns what was seen. */
  static List<String> play(KeyValueStore store, String prefix) {
    IpamScenario scenario = new IpamScenario(store, prefix);
    scenario.tell();
    return scenario.transcript;
  }

  private void tell() {
    see("add loose pool", () -> pools.add(new AddPoolCommand(cidr("10.70.0.0/28"), OptionalInt.of(30), false)));
    see("add strict pool", () -> pools.add(new AddPoolCommand(cidr("10.80.0.0/29"), OptionalInt.of(30), true)));
    see("add v6 pool", () -> pools.add(new AddPoolCommand(cidr("fd00:70::/124"), OptionalInt.of(126), false)));
    see("overlapping pool", () -> pools.add(new AddPoolCommand(cidr("10.70.0.0/24"), OptionalInt.empty(), false)));
    for (String host : List.of("host-a", "host-b", "host-c", "host-d", "host-e", "host-f")) {
      see(host + " allocates 2", () -> allocate(host, "uid-" + host, 2, 0));
    }
    see("host-a fills its blocks", () -> allocate("host-a", "uid-a2", 2, 0));
    see("host-g borrows", () -> allocate("host-g", "uid-g", 3, 0));
    see("host-g asks too much", () -> allocate("host-g", "uid-g2", 9, 0));
    see("host-a reserves a taken address", () -> reserve("host-a", "uid-r1", "10.70.0.1"));
    see("host-a reserves outside pools", () -> reserve("host-a", "uid-r2", "172.16.0.1"));
    see("host-a asks for IPv6", () -> allocate("host-a", "uid-v6", 0, 3));
    see("release uid-host-b", () -> release.release(new ReleaseCommand.ByHandle(new HandleId("uid-host-b"))));
    see("release by address", () -> release.release(new ReleaseCommand.ByAddresses(
        List.of(cidr("10.70.0.0/32").getLower().withoutPrefixLength(), Addresses.parseAnyAddress("ip", "10.70.0.15")))));
    see("host-h after releases", () -> allocate("host-h", "uid-h", 2, 0));
    see("host-h reserves a freed address", () -> reserve("host-h", "uid-h", freeAddressSeenLast()));
    see("overview", () -> overview.show(Optional.empty()));
    see("check", checker::check);
  }

  private Object allocate(String host, String uid, int v4, int v6) {
    return allocate.allocate(new AllocateCommand(new NodeName(host), new HandleId(uid), v4, v6, Map.of()));
  }

  private Object reserve(String host, String uid, String address) {
    reserve.reserve(new ReserveCommand(new NodeName(host), new HandleId(uid),
        List.of(Addresses.parseAnyAddress("ip", address)), Map.of()));
    return "reserved " + address;
  }

  // The scenario picks an address the previous release freed, found from the transcript itself.
  private String freeAddressSeenLast() {
    String line = transcript.get(transcript.size() - 3);
    int start = line.indexOf("released=[") + "released=[".length();
    return line.substring(start, line.indexOf(']', start)).split(", ")[0];
  }

  private void see(String step, Supplier<Object> action) {
    try {
      transcript.add(step + ": " + action.get());
    } catch (CalicoMesosException e) {
      transcript.add(step + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static IPAddress cidr(String text) {
    return Addresses.parseCidr("cidr", text);
  }
}
