package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.core.ipam.IpamFixture.KEYS;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.ipam.IpamProblem.Kind;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

class IpamCheckerTest {
  private final IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 28, false);

  @Test
  void a_consistent_store_is_clean() {
    ipam.allocate4("host-a", "uid-1", 5);
    ipam.reserve("host-b", "uid-2", "10.0.0.200");

    assertThat(ipam.check().problems()).isEmpty();
    assertThat(ipam.check().allocated()).isEqualTo(6);
    assertThat(ipam.check().handles()).isEqualTo(2);
  }

  @Test
  void a_handle_count_that_disagrees_with_its_block_is_reported() {
    IPAddress address = ipam.allocate4("host-a", "uid-1", 2).get(0);
    Entry handle = ipam.memory.get(KEYS.handle(new HandleId("uid-1"))).orElseThrow();
    ipam.memory.update(handle.key(), handle.value().replace(":2", ":3"), handle.revision());

    assertThat(ipam.check().problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.HANDLE_MISMATCH);
      assertThat(p.detail()).isEqualTo("counts 3 addresses in block " + address.toPrefixBlock(28) + " but holds 2 there");
    });
  }

  @Test
  void an_affinity_whose_block_names_another_host_is_reported() {
    IPAddress address = ipam.allocate4("host-a", "uid-1", 1).get(0);
    ipam.memory.create(KEYS.affinity(new NodeName("host-z"), address.toPrefixBlock(28)), "{\"state\":\"confirmed\"}");

    assertThat(ipam.check().problems()).extracting(IpamProblem::kind).containsExactly(Kind.AFFINITY_MISMATCH);
  }

  @Test
  void a_block_outside_every_pool_and_a_broken_free_list_are_reported() {
    IPAddress address = ipam.allocate4("host-a", "uid-1", 1).get(0);
    Entry block = ipam.memory.get(KEYS.block(address.toPrefixBlock(28))).orElseThrow();
    ipam.memory.update(block.key(), block.value().replace("\"unallocated\":[1,", "\"unallocated\":[0,1,"), block.revision());
    ipam.memory.update(KEYS.pool(IpamFixture.cidr("10.0.0.0/24")), "{\"cidr\":\"10.0.0.0/25\",\"blockSize\":28}",
        ipam.memory.get(KEYS.pool(IpamFixture.cidr("10.0.0.0/24"))).orElseThrow().revision());

    assertThat(ipam.check().problems()).extracting(IpamProblem::kind).contains(Kind.INVALID_BLOCK);
  }

  @Test
  void an_address_assigned_in_two_overlapping_blocks_is_a_duplicate() {
    IPAddress address = ipam.allocate4("host-a", "uid-1", 1).get(0);
    Entry block = ipam.memory.get(KEYS.block(address.toPrefixBlock(28))).orElseThrow();
    IPAddress wider = address.toPrefixBlock(27);
    String overlapping = block.value().replace(address.toPrefixBlock(28).toCanonicalString(), wider.toCanonicalString())
        .replace("\"allocations\":[0,", "\"allocations\":[0," + "null,".repeat(16));
    overlapping = overlapping.replace("\"unallocated\":[", "\"unallocated\":[16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,");
    ipam.memory.create(KEYS.block(wider), overlapping);

    assertThat(ipam.check().problems()).extracting(IpamProblem::kind).contains(Kind.DUPLICATE_ADDRESS);
  }
}
