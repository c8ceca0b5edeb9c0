package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** The IPAM use cases over one store, with short helpers so each test reads as its scenario. */
final class IpamFixture {
  static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  static final IpamSettings SETTINGS = new IpamSettings(
      Addresses.parseCidr("v4", "192.168.0.0/16"), Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));

  final MemoryKeyValueStore memory;
  final KeyValueStore store;
  final AllocateAddressesService allocate;
  final ReserveAddressesService reserve;
  final ReleaseAddressesService release;
  final PoolService pools;
  final IpamChecker checker;
  final IpamOverviewService overview;

  IpamFixture() {
    this(new MemoryKeyValueStore());
  }

  IpamFixture(MemoryKeyValueStore memory) {
    this(memory, memory);
  }

  /** Use cases over {@code store}, which may wrap {@code memory} to inject faults. */
  IpamFixture(MemoryKeyValueStore memory, KeyValueStore store) {
    this.memory = memory;
    this.store = store;
    allocate = new AllocateAddressesService(store, KEYS, SETTINGS);
    reserve = new ReserveAddressesService(store, KEYS, SETTINGS);
    release = new ReleaseAddressesService(store, KEYS, SETTINGS);
    pools = new PoolService(store, KEYS, SETTINGS);
    checker = new IpamChecker(store, KEYS, SETTINGS);
    overview = new IpamOverviewService(store, KEYS, SETTINGS);
  }

  IpamFixture withPool(String cidr, int blockPrefix, boolean strict) {
    pools.add(new AddPoolCommand(Addresses.parseCidr("cidr", cidr), OptionalInt.of(blockPrefix), strict));
    return this;
  }

  List<IPAddress> allocate4(String host, String uid, int count) {
    return allocate.allocate(new AllocateCommand(new NodeName(host), new HandleId(uid), count, 0, Map.of())).ipv4();
  }

  AllocatedAddresses allocate(String host, String uid, int v4, int v6) {
    return allocate.allocate(new AllocateCommand(new NodeName(host), new HandleId(uid), v4, v6, Map.of()));
  }

  void reserve(String host, String uid, String... addresses) {
    reserve.reserve(new ReserveCommand(new NodeName(host), new HandleId(uid), ips(addresses), Map.of()));
  }

  ReleaseResult releaseUid(String uid) {
    return release.release(new ReleaseCommand.ByHandle(new HandleId(uid)));
  }

  ReleaseResult releaseIps(String... addresses) {
    return release.release(new ReleaseCommand.ByAddresses(ips(addresses)));
  }

  IpamCheckReport check() {
    return checker.check();
  }

  /** The store's revision: unchanged means nothing was written. */
  long revision() {
    return memory.list("/").revision();
  }

  static List<IPAddress> ips(String... addresses) {
    return Arrays.stream(addresses).map(a -> Addresses.parseAnyAddress("ip", a)).toList();
  }

  static IPAddress cidr(String text) {
    return Addresses.parseCidr("cidr", text);
  }
}
