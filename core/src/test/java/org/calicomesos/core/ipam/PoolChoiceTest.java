package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.cidr;

import java.util.List;
import java.util.Map;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class PoolChoiceTest {
  private final IpamFixture ipam = new IpamFixture()
      .withPool("10.0.0.0/24", 26, false)
      .withPool("10.9.0.0/24", 26, false)
      .withPool("fd00:9::/120", 122, false);

  @Test
  void named_pools_are_the_only_ones_used_and_one_of_the_other_family_is_passed_over_for_this_one() {
    AllocatedAddresses got = ipam.allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-1"),
        2, 1, List.of(cidr("10.9.0.0/24"), cidr("fd00:9::/120")), Map.of()));

    assertThat(got.ipv4()).hasSize(2).allMatch(cidr("10.9.0.0/24")::contains);
    assertThat(got.ipv6()).hasSize(1).allMatch(cidr("fd00:9::/120")::contains);
  }

  @Test
  void naming_only_ipv4_pools_leaves_ipv6_to_any_ipv6_pool() {
    AllocatedAddresses got = ipam.allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-1"),
        1, 1, List.of(cidr("10.9.0.0/24")), Map.of()));

    assertThat(got.ipv4()).singleElement().matches(cidr("10.9.0.0/24")::contains);
    assertThat(got.ipv6()).singleElement().matches(cidr("fd00:9::/120")::contains);
  }

  @Test
  void an_unknown_pool_is_refused_with_nothing_written() {
    long before = ipam.revision();

    assertThatThrownBy(() -> ipam.allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-1"),
        1, 0, List.of(cidr("10.9.0.0/24"), cidr("10.77.0.0/24")), Map.of())))
        .isInstanceOf(PoolNotFoundException.class).hasMessage("there is no pool 10.77.0.0/24");
    assertThat(ipam.revision()).isEqualTo(before);
  }

  @Test
  void naming_pools_never_creates_the_default_pool() {
    IpamFixture empty = new IpamFixture();

    assertThatThrownBy(() -> empty.allocate.allocate(new AllocateCommand(new NodeName("host-a"),
        new HandleId("uid-1"), 1, 0, List.of(cidr("192.168.0.0/16")), Map.of())))
        .isInstanceOf(PoolNotFoundException.class);
    assertThat(empty.revision()).isEqualTo(new IpamFixture().revision());
  }
}
