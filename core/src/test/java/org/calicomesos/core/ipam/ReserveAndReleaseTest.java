package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.ips;

import org.calicomesos.ports.ipam.AddressInUseException;
import org.calicomesos.ports.ipam.AddressOutsidePoolsException;
import org.calicomesos.ports.ipam.BlockAffinityException;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class ReserveAndReleaseTest {
  private final IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);

  @Test
  void reserve_assigns_exactly_the_named_addresses() {
    ipam.reserve("host-a", "uid-1", "10.0.0.5", "10.0.0.70");

    assertThat(ipam.releaseUid("uid-1").released()).containsExactlyInAnyOrderElementsOf(ips("10.0.0.5", "10.0.0.70"));
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void reserve_rolls_back_what_it_assigned_when_one_address_is_taken() {
    ipam.reserve("host-a", "uid-1", "10.0.0.5");

    assertThatThrownBy(() -> ipam.reserve("host-b", "uid-2", "10.0.0.6", "10.0.0.5"))
        .isInstanceOf(AddressInUseException.class)
        .hasMessage("IP 10.0.0.5 is already assigned");

    assertThat(ipam.releaseUid("uid-2").released()).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    ipam.reserve("host-c", "uid-3", "10.0.0.6"); // 10.0.0.6 was given back
  }

  @Test
  void reserve_outside_every_pool_changes_nothing() {
    long before = ipam.revision();

    assertThatThrownBy(() -> ipam.reserve("host-a", "uid-1", "10.0.0.9", "172.16.0.1"))
        .isInstanceOf(AddressOutsidePoolsException.class)
        .hasMessageContaining("172.16.0.1");

    assertThat(ipam.revision()).isEqualTo(before);
  }

  @Test
  void reserving_an_address_the_uid_already_holds_changes_nothing() {
    ipam.reserve("host-a", "uid-1", "10.0.0.5");
    long before = ipam.revision();

    ipam.reserve("host-a", "uid-1", "10.0.0.5");

    assertThat(ipam.revision()).isEqualTo(before);
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void reserve_confirms_its_hosts_claim_a_kill_left_pending() {
    ipam.reserve("host-a", "uid-1", "10.0.0.5");
    // As if a reserve was killed between creating the block and confirming the claim.
    String claim = IpamFixture.KEYS.affinity(new NodeName("host-a"), IpamFixture.cidr("10.0.0.0/26"));
    ipam.store.update(claim, "{\"state\":\"pending\",\"deleted\":false}", ipam.store.get(claim).orElseThrow().revision());

    ipam.reserve("host-a", "uid-2", "10.0.0.6");

    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void strict_affinity_refuses_an_address_in_another_hosts_block() {
    IpamFixture strict = new IpamFixture().withPool("10.1.0.0/24", 26, true);
    strict.reserve("host-a", "uid-1", "10.1.0.1");

    assertThatThrownBy(() -> strict.reserve("host-b", "uid-2", "10.1.0.2"))
        .isInstanceOf(BlockAffinityException.class)
        .hasMessageContaining("host-a");
  }

  @Test
  void release_by_uid_frees_every_address_and_is_idempotent() {
    ipam.reserve("host-a", "uid-1", "10.0.0.200");
    ipam.allocate("host-a", "uid-1", 3, 0);

    assertThat(ipam.releaseUid("uid-1").released()).hasSize(4);
    assertThat(ipam.releaseUid("uid-1").released()).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.check().allocated()).isZero();
  }

  @Test
  void release_by_address_frees_whoever_holds_it_and_reports_already_free_ones() {
    ipam.reserve("host-a", "uid-1", "10.0.0.5", "10.0.0.6");

    ReleaseResult result = ipam.releaseIps("10.0.0.5", "10.0.0.7", "192.0.2.1");

    assertThat(result.released()).containsExactlyElementsOf(ips("10.0.0.5"));
    assertThat(result.alreadyFree()).containsExactlyInAnyOrderElementsOf(ips("10.0.0.7", "192.0.2.1"));
    assertThat(ipam.releaseIps("10.0.0.5").released()).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.releaseUid("uid-1").released()).containsExactlyElementsOf(ips("10.0.0.6"));
  }

  @Test
  void a_freed_address_goes_to_the_back_of_the_queue() {
    var first = ipam.allocate4("host-a", "uid-1", 1).get(0);
    ipam.releaseUid("uid-1");

    var next = ipam.allocate4("host-a", "uid-2", 1).get(0);

    assertThat(next).isNotEqualTo(first);
  }
}
