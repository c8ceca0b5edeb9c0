package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.cidr;

import java.math.BigInteger;
import java.util.OptionalInt;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolInUseException;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.ipam.PoolOverlapException;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.model.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PoolServiceTest {
  private final IpamFixture ipam = new IpamFixture();

  @Test
  void a_pool_takes_the_default_block_size_of_its_family() {
    assertThat(ipam.pools.add(new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false)).blockPrefixLength())
        .isEqualTo(26);
    assertThat(ipam.pools.add(new AddPoolCommand(cidr("fd00::/64"), OptionalInt.empty(), false)).blockPrefixLength())
        .isEqualTo(122);
  }

  @Test
  void overlapping_pools_and_impossible_block_sizes_are_refused() {
    ipam.withPool("10.0.0.0/16", 26, false);

    assertThatThrownBy(() -> ipam.withPool("10.0.128.0/17", 26, false)).isInstanceOf(PoolOverlapException.class)
        .hasMessage("pool 10.0.128.0/17 overlaps existing pool 10.0.0.0/16");
    assertThatThrownBy(() -> ipam.withPool("10.1.0.0/24", 20, false)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("block size /20 does not fit pool 10.1.0.0/24");
  }

  @Test
  void a_pools_encapsulation_is_stored_changed_and_refused_for_ipv6() {
    ipam.pools.add(new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false, Encapsulation.VXLAN));
    ipam.withPool("fd00::/64", 122, false);
    assertThat(ipam.pools.pools()).extracting(Pool::encapsulation).containsExactly(Encapsulation.VXLAN, Encapsulation.NONE);

    assertThat(ipam.pools.setEncapsulation(cidr("10.0.0.0/16"), Encapsulation.NONE).encapsulation())
        .isEqualTo(Encapsulation.NONE);
    assertThat(ipam.pools.pools().get(0).encapsulation()).isEqualTo(Encapsulation.NONE);

    assertThatThrownBy(() -> ipam.pools.setEncapsulation(cidr("fd00::/64"), Encapsulation.VXLAN))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("pool fd00::/64 cannot use VXLAN: only IPv4 pools are encapsulated (IPv6 routes stay direct)");
    assertThatThrownBy(() -> ipam.pools.setEncapsulation(cidr("10.9.0.0/16"), Encapsulation.VXLAN))
        .isInstanceOf(PoolNotFoundException.class);
    assertThat(ipam.pools.pools()).extracting(Pool::encapsulation).containsOnly(Encapsulation.NONE);
  }

  @Test
  void nat_outgoing_is_stored_as_masquerade_and_switched_by_compare_and_swap() {
    ipam.pools.add(new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false, Encapsulation.VXLAN, true));
    String key = IpamFixture.KEYS.pool(cidr("10.0.0.0/16"));
    assertThat(ipam.store.get(key).orElseThrow().value()).contains("\"masquerade\":true");

    Pool off = ipam.pools.setNatOutgoing(cidr("10.0.0.0/16"), false);

    assertThat(off).isEqualTo(new Pool(cidr("10.0.0.0/16"), 26, false, Encapsulation.VXLAN, false));
    assertThat(ipam.pools.pools()).containsExactly(off);
    assertThat(ipam.store.get(key).orElseThrow().value()).contains("\"masquerade\":false");
    long revision = ipam.revision();
    assertThat(ipam.pools.setNatOutgoing(cidr("10.0.0.0/16"), false)).isEqualTo(off);
    assertThat(ipam.revision()).as("an unchanged pool is not written").isEqualTo(revision);
    assertThat(ipam.pools.setNatOutgoing(cidr("10.0.0.0/16"), true).natOutgoing()).isTrue();
    assertThatThrownBy(() -> ipam.pools.setNatOutgoing(cidr("10.9.0.0/16"), true))
        .isInstanceOf(PoolNotFoundException.class);
  }

  @Test
  void a_pool_record_without_masquerade_has_no_nat_outgoing() {
    ipam.store.create(IpamFixture.KEYS.pool(cidr("10.0.0.0/16")),
        "{\"cidr\":\"10.0.0.0/16\",\"blockSize\":26,\"strictAffinity\":false,\"disabled\":false}");

    assertThat(ipam.pools.pools()).extracting(Pool::natOutgoing).containsExactly(false);
  }

  @Test
  void list_reports_capacity_and_use() {
    ipam.withPool("10.0.0.0/24", 28, false);
    ipam.allocate4("host-a", "uid-1", 3);

    PoolUsage usage = ipam.pools.list().get(0);
    assertThat(usage.capacity()).isEqualTo(BigInteger.valueOf(256));
    assertThat(usage.allocated()).isEqualTo(3);
    assertThat(usage.blocks()).isEqualTo(1);
  }

  @Test
  void a_pool_in_use_is_not_removed_and_stays_usable() {
    ipam.withPool("10.0.0.0/24", 28, false);
    ipam.allocate4("host-a", "uid-1", 1);

    assertThatThrownBy(() -> ipam.pools.remove(cidr("10.0.0.0/24"))).isInstanceOf(PoolInUseException.class)
        .hasMessage("pool 10.0.0.0/24 still has 1 assigned address; release them first");

    assertThat(ipam.allocate4("host-a", "uid-2", 1)).hasSize(1);
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void removing_an_unused_pool_removes_its_blocks_and_affinities() {
    ipam.withPool("10.0.0.0/24", 28, false).withPool("10.9.0.0/24", 28, false);
    ipam.allocate4("host-a", "uid-1", 20);
    ipam.releaseUid("uid-1");

    ipam.pools.remove(cidr("10.0.0.0/24"));

    assertThat(ipam.pools.list()).extracting(u -> u.pool().toString()).containsExactly("10.9.0.0/24");
    assertThat(ipam.memory.list(IpamFixture.KEYS.affinityRoot()).entries()).isEmpty();
    assertThat(ipam.overview.show(java.util.Optional.empty()).blocks()).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    assertThatThrownBy(() -> ipam.pools.remove(cidr("10.0.0.0/24"))).isInstanceOf(PoolNotFoundException.class);
  }
}
