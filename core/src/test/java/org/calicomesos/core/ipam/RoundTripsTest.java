package org.calicomesos.core.ipam;

import org.calicomesos.core.RecordingStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.core.ipam.IpamFixture.KEYS;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Every store operation is a round trip to etcd or Consul, and the agent answers requests as fast as it makes
 * them: an allocate from a block this host already holds reads the pools and its affinities in one round trip,
 * then the block, and writes the new uid's handle and the block, with no read in between.
 */
class RoundTripsTest {
  @Test
  void anAllocateFromAnOwnBlockMakesTwoReadsAndTwoWrites() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    RecordingStore recording = new RecordingStore(memory);
    IpamFixture ipam = new IpamFixture(memory, recording).withPool("10.0.0.0/24", 26, false);
    ipam.allocate4("host-a", "uid-1", 1); // claims the block
    recording.operations.clear();

    ipam.allocate4("host-a", "uid-2", 1);

    assertThat(recording.operations).containsExactly(
        "list " + KEYS.poolRoot() + " + " + KEYS.affinityPrefix(new NodeName("host-a")),
        "get block",
        "create " + KEYS.handle(new HandleId("uid-2")),
        "update block");
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void aReleaseFromAPoolOfAnotherBlockSizeReadsTheRightBlockAfterTheGuessedOneAndFreesTheAddress() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    RecordingStore recording = new RecordingStore(memory);
    IpamFixture ipam = new IpamFixture(memory, recording).withPool("10.0.0.0/24", 28, false);
    List<IPAddress> mine = ipam.allocate4("host-a", "uid-1", 1);
    recording.operations.clear();

    assertThat(ipam.releaseIps(mine.get(0).toCanonicalString()).released()).isEqualTo(mine);

    assertThat(recording.operations).containsExactly(
        "list " + KEYS.poolRoot() + " + " + KEYS.block(mine.get(0).toPrefixBlock(26)), // the default size: a miss
        "get block",
        "update block",
        "get " + KEYS.handle(new HandleId("uid-1")),
        "delete " + KEYS.handle(new HandleId("uid-1")));
    assertThat(ipam.check().problems()).isEmpty();
  }

  @Test
  void aHandleThatExistsAfterAllIsRaisedWithoutCountingALostRace() {
    IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false).withPool("fd00::/120", 122, false);
    AtomicInteger lostRaces = new AtomicInteger();
    AllocateAddressesService allocate =
        new AllocateAddressesService(ipam.memory, KEYS, IpamFixture.SETTINGS, lostRaces::incrementAndGet);

    // IPv4 then IPv6 under one uid: the second family finds the handle the first created.
    var both = allocate.allocate(new AllocateCommand(new NodeName("host-a"), new HandleId("uid-1"), 1, 1, Map.of()));

    assertThat(both.ipv4()).hasSize(1);
    assertThat(both.ipv6()).hasSize(1);
    assertThat(lostRaces).hasValue(0);
    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.releaseUid("uid-1").released()).hasSize(2);
  }
}
