package org.calicomesos.app.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.ipam.BlockUsage;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IPAM's cross-host cases on a real etcd, in process: each host has its own etcd client, as its own
 * plugin process would. Affinity, borrowing, strict affinity, exhaustion, and hosts racing for blocks.
 */
class EtcdIpamCrossHostTest {
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @Test
  void each_host_fills_its_own_block_and_hosts_claim_different_blocks() {
    try (EtcdIpam a = EtcdIpam.fresh(etcd.server().clientUrl()).withPool("10.0.0.0/24", 30, false);
        EtcdIpam b = a.anotherHost(etcd.server().clientUrl())) {
      List<IPAddress> first = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        first.addAll(a.allocate4("host-a", "uid-a" + i, 1));
      }
      IPAddress fifth = a.allocate4("host-a", "uid-a4", 1).get(0);
      IPAddress other = b.allocate4("host-b", "uid-b", 1).get(0);

      IPAddress block = first.get(0).toPrefixBlock(30);
      assertThat(first).allMatch(block::contains).doesNotHaveDuplicates();
      assertThat(block.contains(fifth)).isFalse();
      assertThat(blocksOf(a, "host-a")).hasSize(2);
      assertThat(blocksOf(b, "host-b")).extracting(BlockUsage::cidr).containsExactly(other.toPrefixBlock(30));
      assertThat(a.check().problems()).isEmpty();
    }
  }

  @Test
  void a_host_borrows_only_when_every_block_is_claimed_and_strict_affinity_refuses() {
    try (EtcdIpam ipam = EtcdIpam.fresh(etcd.server().clientUrl()).withPool("10.0.0.0/28", 30, false)) {
      for (String host : List.of("host-a", "host-b", "host-c", "host-d")) {
        ipam.allocate4(host, "uid-" + host, 1);
      }
      IPAddress borrowed = ipam.allocate4("host-e", "uid-e", 1).get(0);

      BlockUsage lender = ipam.overview.show(Optional.empty()).blocks().stream()
          .filter(block -> block.cidr().contains(borrowed)).findFirst().orElseThrow();
      assertThat(lender.affinity()).isPresent().get().isNotEqualTo(new NodeName("host-e"));
      assertThat(ipam.check().problems()).isEmpty();
    }
    try (EtcdIpam strict = EtcdIpam.fresh(etcd.server().clientUrl()).withPool("10.0.0.0/28", 30, true)) {
      for (String host : List.of("host-a", "host-b", "host-c", "host-d")) {
        strict.allocate4(host, "uid-" + host, 1);
      }
      long before = strict.store.list("/").revision();

      assertThatThrownBy(() -> strict.allocate4("host-e", "uid-e", 1)).isInstanceOf(PoolExhaustedException.class)
          .hasMessageContaining("strict affinity");
      assertThat(strict.store.list("/").revision()).isEqualTo(before);
    }
  }

  @Test
  void exhaustion_fails_clearly_and_assigns_nothing() {
    try (EtcdIpam ipam = EtcdIpam.fresh(etcd.server().clientUrl()).withPool("10.0.0.0/28", 30, false)) {
      ipam.allocate4("host-a", "uid-1", 15);

      assertThatThrownBy(() -> ipam.allocate4("host-b", "uid-2", 2)).isInstanceOf(PoolExhaustedException.class)
          .hasMessage("pool 10.0.0.0/28 has too few free IPv4 addresses: 2 requested, 1 free");
      assertThat(ipam.releaseUid("uid-2").released()).isEmpty();
      assertThat(ipam.check().problems()).isEmpty();
      assertThat(ipam.allocate4("host-b", "uid-3", 1)).hasSize(1);
    }
  }

  @Test
  void eight_hosts_racing_for_blocks_never_share_an_address() throws Exception {
    try (EtcdIpam setup = EtcdIpam.fresh(etcd.server().clientUrl()).withPool("10.64.0.0/24", 28, false)) {
      List<IPAddress> assigned = Collections.synchronizedList(new ArrayList<>());
      List<String> uids = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> hosts = new ArrayList<>();
      for (int h = 0; h < 8; h++) {
        String host = "host-" + h;
        hosts.add(threads.submit(() -> {
          try (EtcdIpam ipam = setup.anotherHost(etcd.server().clientUrl())) {
            start.await();
            for (int r = 0; r < 30; r++) {
              String uid = host + "-" + r;
              assigned.addAll(ipam.allocate4(host, uid, 1));
              uids.add(uid);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> host : hosts) {
        host.get(2, TimeUnit.MINUTES);
      }
      threads.shutdown();

      assertThat(assigned).hasSize(240);
      assertThat(new HashSet<>(assigned)).hasSize(240);
      assertThat(setup.check().problems()).isEmpty();
      for (String uid : uids) {
        setup.releaseUid(uid);
      }
      assertThat(setup.check().allocated()).isZero();
      assertThat(setup.check().handles()).isZero();
    }
  }

  private static List<BlockUsage> blocksOf(EtcdIpam ipam, String host) {
    return ipam.overview.show(Optional.of(new NodeName(host))).blocks();
  }
}
