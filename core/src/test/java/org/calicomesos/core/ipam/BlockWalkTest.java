package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class BlockWalkTest {

  @Test
  void visits_every_block_of_the_pool_exactly_once() {
    Pool pool = new Pool(IpamFixture.cidr("10.0.0.0/20"), 26, false);
    List<IPAddress> seen = walk(pool, "host-a");

    assertThat(seen).hasSize(64).doesNotHaveDuplicates().allMatch(b -> b.getNetworkPrefixLength() == 26)
        .allMatch(pool.cidr()::contains);
  }

  @Test
  void hosts_start_in_different_places_and_each_host_always_in_the_same_one() {
    Pool pool = new Pool(IpamFixture.cidr("10.0.0.0/16"), 26, false);
    HashSet<IPAddress> starts = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      starts.add(new BlockWalk(pool, new NodeName("agent-" + i)).next());
    }

    assertThat(starts.size()).isGreaterThan(15);
    assertThat(new BlockWalk(pool, new NodeName("agent-1")).next()).isEqualTo(new BlockWalk(pool, new NodeName("agent-1")).next());
  }

  @Test
  void walks_huge_ipv6_pools_without_enumerating_them() {
    Pool pool = new Pool(IpamFixture.cidr("fd80:24e2:f998:72d6::/64"), 122, false);
    BlockWalk walk = new BlockWalk(pool, new NodeName("host-a"));

    assertThat(walk.next().getNetworkPrefixLength()).isEqualTo(122);
    assertThat(walk.blockCount()).isEqualTo(java.math.BigInteger.ONE.shiftLeft(58));
  }

  private static List<IPAddress> walk(Pool pool, String host) {
    List<IPAddress> seen = new ArrayList<>();
    new BlockWalk(pool, new NodeName(host)).forEachRemaining(seen::add);
    return seen;
  }
}
