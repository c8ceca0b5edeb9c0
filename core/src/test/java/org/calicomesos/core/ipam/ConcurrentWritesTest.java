package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.KEYS;
import static org.calicomesos.core.ipam.IpamFixture.cidr;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

  @Test
  void a_competing_write_between_read_and_compare_and_swap_is_retried_on_fresh_data() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);
    IPAddress first = ipam.allocate4("host-a", "uid-1", 1).get(0);
    String blockKey = KEYS.block(first.toPrefixBlock(26));
    IpamFixture otherProcess = new IpamFixture(ipam.memory);
    List<IPAddress> theirs = new ArrayList<>();
    ipam.memory.beforeNextWrite(blockKey, () -> theirs.addAll(otherProcess.allocate4("host-a", "uid-2", 1)));

    List<IPAddress> ours = ipam.allocate4("host-a", "uid-3", 1);

    assertThat(theirs).hasSize(1);
    assertThat(ours).hasSize(1).doesNotContainAnyElementsOf(theirs).doesNotContain(first);
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.releaseUid("uid-3").released()).isEqualTo(ours);
    assertThat(ipam.releaseUid("uid-2").released()).isEqualTo(theirs);
  }

  @Test
  void every_lost_compare_and_swap_is_told_to_the_retry_listener_and_nothing_else_is() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);
    IPAddress first = ipam.allocate4("host-a", "uid-1", 1).get(0);
    String blockKey = KEYS.block(first.toPrefixBlock(26));
    AtomicInteger retries = new AtomicInteger();
    var allocate = new AllocateAddressesService(ipam.memory, KEYS, IpamFixture.SETTINGS, retries::incrementAndGet);
    var release = new ReleaseAddressesService(ipam.memory, KEYS, IpamFixture.SETTINGS, retries::incrementAndGet);
    IpamFixture otherProcess = new IpamFixture(ipam.memory);

    allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-2"), 1, 0, Map.of()));
    assertThat(retries).as("no competition, no retry").hasValue(0);

    ipam.memory.beforeNextWrite(blockKey, () -> otherProcess.allocate4("host-a", "uid-3", 1));
    allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-4"), 1, 0, Map.of()));
    assertThat(retries).hasValue(1);

    ipam.memory.beforeNextWrite(blockKey, () -> otherProcess.allocate4("host-a", "uid-5", 1));
    release.release(new ReleaseCommand.StillHeldBy(List.of(first), new HandleId("uid-1")));
    assertThat(retries).hasValue(2);
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.check().allocated()).as("uid-2 to uid-5").isEqualTo(4);
  }

  @Test
  void a_release_that_loses_its_compare_keeps_the_competing_allocation() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);
    IPAddress mine = ipam.allocate4("host-a", "uid-1", 1).get(0);
    IpamFixture otherProcess = new IpamFixture(ipam.memory);
    List<IPAddress> theirs = new ArrayList<>();
    ipam.memory.beforeNextWrite(KEYS.block(mine.toPrefixBlock(26)),
        () -> theirs.addAll(otherProcess.allocate4("host-a", "uid-2", 2)));

    assertThat(ipam.releaseUid("uid-1").released()).containsExactly(mine);

    assertThat(theirs).hasSize(2);
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.check().allocated()).isEqualTo(2);
  }

  @Test
  void endless_contention_gives_up_after_the_bound_with_a_clear_error_and_no_leak() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);
    IPAddress first = ipam.allocate4("host-a", "uid-1", 1).get(0);
    String blockKey = KEYS.block(first.toPrefixBlock(26));
    ipam.memory.beforeNextWrite(blockKey, () -> touch(ipam.memory, blockKey));

    assertThatThrownBy(() -> ipam.allocate4("host-a", "uid-x", 1))
        .isInstanceOf(ContentionException.class)
        .hasMessage("gave up after " + CasLoop.MAX_ATTEMPTS + " conflicting concurrent updates of " + blockKey
            + "; try again");

    ipam.memory.beforeNextWrite(blockKey, () -> { });
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.check().allocated()).isEqualTo(1);
  }

  /** Another writer that rewrites the block before every compare-and-swap of ours, forever. */
  private static void touch(MemoryKeyValueStore memory, String key) {
    var entry = memory.get(key).orElseThrow();
    memory.update(key, entry.value(), entry.revision()); // same value, new revision
    memory.beforeNextWrite(key, () -> touch(memory, key));
  }

  @Test
  void a_crash_between_the_handle_and_the_block_write_leaks_but_never_duplicates() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    CrashingStore crashing = new CrashingStore(memory);
    IpamFixture ipam = new IpamFixture(memory, crashing).withPool("10.0.0.0/28", 30, false);
    ipam.allocate4("host-a", "uid-1", 1);
    crashing.crashOnNextWriteUnder(KEYS.blockPrefix(IpFamily.V4));

    assertThatThrownBy(() -> ipam.allocate4("host-a", "uid-2", 1)).isInstanceOf(DatastoreUnavailableException.class);

    List<IpamProblem> problems = ipam.check().problems();
    assertThat(problems).extracting(IpamProblem::kind).containsOnly(IpamProblem.Kind.HANDLE_MISMATCH);
    assertThat(problems).extracting(IpamProblem::subject).containsOnly("uid uid-2");
    List<IPAddress> rest = ipam.allocate4("host-b", "uid-3", 15);
    assertThat(rest).hasSize(15).doesNotHaveDuplicates();
    assertThat(ipam.releaseUid("uid-2").released()).isEmpty(); // the leaked count goes with its handle
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void a_crash_after_the_block_write_in_a_release_leaves_only_a_count_too_high() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    CrashingStore crashing = new CrashingStore(memory);
    IpamFixture ipam = new IpamFixture(memory, crashing).withPool("10.0.0.0/28", 30, false);
    IPAddress address = ipam.allocate4("host-a", "uid-1", 1).get(0);
    crashing.crashOnNextWriteUnder(KEYS.handlePrefix());

    assertThatThrownBy(() -> ipam.releaseIps(address.toCanonicalString()))
        .isInstanceOf(DatastoreUnavailableException.class);

    assertThat(ipam.check().problems()).extracting(IpamProblem::kind).containsOnly(IpamProblem.Kind.HANDLE_MISMATCH);
    assertThat(ipam.check().allocated()).isZero();
    ipam.releaseUid("uid-1");
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void a_claim_cut_short_after_creating_its_block_is_completed_by_the_next_allocation() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    CrashingStore crashing = new CrashingStore(memory);
    IpamFixture ipam = new IpamFixture(memory, crashing).withPool("10.0.0.0/28", 30, false);
    crashing.crashOnNextWriteUnder(KEYS.handlePrefix()); // claim writes affinity, block, confirm; then the handle

    assertThatThrownBy(() -> ipam.allocate4("host-a", "uid-1", 1)).isInstanceOf(DatastoreUnavailableException.class);
    IPAddress next = ipam.allocate4("host-a", "uid-2", 1).get(0);

    assertThat(ipam.overview.show(java.util.Optional.empty()).blocks()).hasSize(1);
    assertThat(cidr("10.0.0.0/28").contains(next)).isTrue();
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void a_process_that_sees_default_pools_half_created_completes_them_instead_of_failing() {
    IpamFixture ipam = new IpamFixture();
    IpamFixture otherProcess = new IpamFixture(ipam.memory);
    List<IPAddress> theirs = new ArrayList<>();
    // The first process has created the IPv4 default and is about to create the IPv6 one.
    ipam.memory.beforeNextWrite(KEYS.pool(IpamFixture.SETTINGS.defaultIpv6Pool()),
        () -> theirs.addAll(otherProcess.allocate("host-b", "uid-b", 0, 1).ipv6()));

    List<IPAddress> ours = ipam.allocate("host-a", "uid-a", 1, 1).ipv6();

    assertThat(theirs).hasSize(1);
    assertThat(ours).hasSize(1).doesNotContainAnyElementsOf(theirs);
    assertThat(ipam.pools.list()).hasSize(2);
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void no_default_pool_is_created_once_an_operator_has_added_a_pool() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);

    assertThatThrownBy(() -> ipam.allocate("host-a", "uid-a", 0, 1))
        .hasMessageContaining("no IPv6 pool is configured");
    assertThat(ipam.pools.list()).hasSize(1);
  }
}
