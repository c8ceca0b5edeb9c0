package org.calicomesos.app.ipam;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.calicomesos.adapters.etcd.EtcdKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * The core IPAM use cases over a real etcd, as one host's process would build them; each fixture keeps its
 * data under its own random prefix, so one etcd serves a whole test class.
 */
final class EtcdIpam implements AutoCloseable {
  static final IpamSettings SETTINGS = new IpamSettings(
      Addresses.parseCidr("v4", "10.64.0.0/16"), Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));

  final KeyValueStore store;
  final DatastoreKeys keys;
  final AllocateAddressesService allocate;
  final ReleaseAddressesService release;
  final PoolService pools;
  final IpamChecker checker;
  final IpamOverviewService overview;

  private EtcdIpam(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    allocate = new AllocateAddressesService(store, keys, SETTINGS);
    release = new ReleaseAddressesService(store, keys, SETTINGS);
    pools = new PoolService(store, keys, SETTINGS);
    checker = new IpamChecker(store, keys, SETTINGS);
    overview = new IpamOverviewService(store, keys, SETTINGS);
  }

  /** A fresh prefix on the etcd at {@code url}. */
  static EtcdIpam fresh(String url) {
    return on(url, new DatastoreKeys("/t" + UUID.randomUUID().toString().substring(0, 8)));
  }

  /** Another host's view of the same data: its own client, as another process would have. */
  EtcdIpam anotherHost(String url) {
    return on(url, keys);
  }

  static EtcdIpam on(String url, DatastoreKeys keys) {
    return new EtcdIpam(open(url), keys);
  }

  /** The same data seen through {@code store} (a decorator that counts, say). */
  EtcdIpam through(KeyValueStore wrapped) {
    return new EtcdIpam(wrapped, keys);
  }

  static KeyValueStore open(String url) {
    return EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", url), Duration.ofSeconds(10));
  }

  EtcdIpam withPool(String cidr, int blockPrefix, boolean strict) {
    pools.add(new AddPoolCommand(Addresses.parseCidr("cidr", cidr), OptionalInt.of(blockPrefix), strict));
    return this;
  }

  List<IPAddress> allocate4(String host, String uid, int count) {
    return allocate.allocate(new AllocateCommand(new NodeName(host), new HandleId(uid), count, 0, Map.of())).ipv4();
  }

  ReleaseResult releaseUid(String uid) {
    return release.release(new ReleaseCommand.ByHandle(new HandleId(uid)));
  }

  IpamCheckReport check() {
    return checker.check();
  }

  @Override
  public void close() {
    store.close();
  }
}
