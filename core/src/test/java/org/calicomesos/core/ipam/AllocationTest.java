package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.cidr;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.BlockUsage;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void a_host_fills_its_own_block_before_claiming_another() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 30, false);

    List<IPAddress> first = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.addAll(ipam.allocate4("host-a", "uid-" + i, 1));
    }
    List<IPAddress> fifth = ipam.allocate4("host-a", "uid-4", 1);

    IPAddress firstBlock = first.get(0).toPrefixBlock(30);
    assertThat(first).allMatch(firstBlock::contains).doesNotHaveDuplicates();
    assertThat(firstBlock.contains(fifth.get(0))).isFalse();
    assertThat(blocksOf(ipam, "host-a")).hasSize(2);
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void hosts_claim_different_blocks() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 30, false);

    IPAddress a = ipam.allocate4("host-a", "uid-a", 1).get(0);
    IPAddress b = ipam.allocate4("host-b", "uid-b", 1).get(0);

    assertThat(a.toPrefixBlock(30)).isNotEqualTo(b.toPrefixBlock(30));
    assertThat(blocksOf(ipam, "host-a")).extracting(BlockUsage::cidr).containsExactly(a.toPrefixBlock(30));
    assertThat(blocksOf(ipam, "host-b")).extracting(BlockUsage::cidr).containsExactly(b.toPrefixBlock(30));
  }

  @Test
  void a_host_borrows_from_another_hosts_block_only_when_the_pool_has_no_free_block() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/28", 30, false);
    for (String host : List.of("host-a", "host-b", "host-c", "host-d")) {
      ipam.allocate4(host, "uid-" + host, 1); // four hosts claim all four blocks
    }

    IPAddress borrowed = ipam.allocate4("host-e", "uid-e", 1).get(0);

    assertThat(blocksOf(ipam, "host-e")).isEmpty();
    BlockUsage lender = ipam.overview.show(Optional.empty()).blocks().stream()
        .filter(b -> b.cidr().contains(borrowed)).findFirst().orElseThrow();
    assertThat(lender.affinity()).isPresent().get().isNotEqualTo(new NodeName("host-e"));
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void strict_affinity_refuses_to_borrow_and_changes_nothing() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/28", 30, true);
    for (String host : List.of("host-a", "host-b", "host-c", "host-d")) {
      ipam.allocate4(host, "uid-" + host, 1);
    }
    long before = ipam.revision();

    assertThatThrownBy(() -> ipam.allocate4("host-e", "uid-e", 1))
        .isInstanceOf(PoolExhaustedException.class)
        .hasMessageContaining("pool 10.0.0.0/28")
        .hasMessageContaining("strict affinity");

    assertThat(ipam.revision()).isEqualTo(before);
  }

  @Test
  void exhaustion_fails_clearly_and_assigns_nothing() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/28", 30, false);
    ipam.allocate4("host-a", "uid-1", 15);

    assertThatThrownBy(() -> ipam.allocate4("host-a", "uid-2", 2))
        .isInstanceOf(PoolExhaustedException.class)
        .hasMessage("pool 10.0.0.0/28 has too few free IPv4 addresses: 2 requested, 1 free");

    assertThat(ipam.releaseUid("uid-2").released()).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.allocate4("host-b", "uid-3", 1)).hasSize(1); // the last address stayed free
  }

  @Test
  void the_first_allocation_creates_the_default_pools_and_serves_ipv6() {
    IpamFixture ipam = new IpamFixture();

    AllocatedAddresses got = ipam.allocate("host-a", "uid-1", 1, 2);

    assertThat(got.ipv4()).singleElement().matches(cidr("192.168.0.0/16")::contains);
    assertThat(got.ipv6()).hasSize(2).allMatch(cidr("fd80:24e2:f998:72d6::/64")::contains);
    assertThat(got.ipv6().get(0).toPrefixBlock(122)).isEqualTo(got.ipv6().get(1).toPrefixBlock(122));
    assertThat(ipam.pools.list()).hasSize(2);
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void a_dual_stack_allocation_is_all_or_nothing() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/28", 30, false).withPool("fd00::/124", 126, false);
    ipam.allocate("host-a", "uid-1", 0, 16);

    assertThatThrownBy(() -> ipam.allocate("host-a", "uid-2", 1, 1)).isInstanceOf(PoolExhaustedException.class)
        .hasMessageContaining("IPv6");

    assertThat(ipam.overview.show(Optional.empty()).pools().get(0).allocated()).isZero();
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void no_pool_of_the_family_is_a_clear_error() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/28", 30, false);

    assertThatThrownBy(() -> ipam.allocate("host-a", "uid-1", 0, 1))
        .hasMessage("no IPv6 pool is configured; add one with 'calico-mesos pool add'");
  }

  @Test
  void every_address_of_a_pool_is_handed_out_once() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/27", 30, false);
    HashSet<IPAddress> seen = new HashSet<>();
    for (int i = 0; i < 32; i++) {
      seen.addAll(ipam.allocate4("host-" + (i % 3), "uid-" + i, 1));
    }
    assertThat(seen).hasSize(32);
    assertThat(ipam.check().problems()).isEmpty();
  }

  private static List<BlockUsage> blocksOf(IpamFixture ipam, String host) {
    return ipam.overview.show(Optional.of(new NodeName(host))).blocks();
  }
}
