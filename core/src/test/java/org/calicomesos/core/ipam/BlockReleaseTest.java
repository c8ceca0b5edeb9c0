package org.calicomesos.core.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.ipam.IpamFixture.KEYS;
import static org.calicomesos.core.ipam.IpamFixture.cidr;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.ipam.BlockInUseException;
import org.calicomesos.ports.ipam.BlockRelease;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

/** {@code ipam release-block}: an empty block and its claims go, a block in use stays, and again is a no-op. */
class BlockReleaseTest {
  private final IpamFixture ipam = new IpamFixture().withPool("10.0.0.0/24", 26, false);
  private final BlockReleaseService service = new BlockReleaseService(ipam.store, KEYS);
  private final NodeName hostA = new NodeName("host-a");

  @Test
  void a_block_that_holds_addresses_is_refused_with_one_sentence_and_left_as_it_is() {
    List<IPAddress> held = ipam.allocate4("host-a", "uid-1", 2);
    IPAddress block = blockOf(hostA);
    long before = ipam.revision();

    assertThatThrownBy(() -> service.releaseBlock(block))
        .isInstanceOf(BlockInUseException.class)
        .hasMessage("block " + block.toCanonicalString() + " still holds 2 addresses; release them first "
            + "('calico-mesos ipam release') and try again");

    assertThat(ipam.revision()).isEqualTo(before);
    assertThat(held).hasSize(2);
  }

  @Test
  void an_empty_block_and_its_claim_are_deleted_and_releasing_again_changes_nothing() {
    ipam.allocate4("host-a", "uid-1", 1);
    IPAddress block = blockOf(hostA);
    ipam.releaseUid("uid-1");

    BlockRelease release = service.releaseBlock(block);

    assertThat(release).isEqualTo(new BlockRelease(block, true, List.of(hostA)));
    assertThat(ipam.store.get(KEYS.block(block))).isEmpty();
    assertThat(ipam.store.get(KEYS.affinity(hostA, block))).isEmpty();
    assertThat(ipam.check().problems()).isEmpty();
    long after = ipam.revision();
    assertThat(service.releaseBlock(block).alreadyGone()).isTrue();
    assertThat(ipam.revision()).isEqualTo(after);

    // The host claims a block again when it next needs one.
    ipam.allocate4("host-a", "uid-2", 1);
    assertThat(new AddressLookup(ipam.store, KEYS).blocksAffineTo(hostA)).hasSize(1);
  }

  @Test
  void a_claim_left_on_a_missing_block_is_removed() {
    IPAddress block = cidr("10.0.0.64/26");
    ipam.store.create(KEYS.affinity(hostA, block), "{\"state\":\"pending\",\"deleted\":false}");

    assertThat(service.releaseBlock(block)).isEqualTo(new BlockRelease(block, false, List.of(hostA)));
    assertThat(ipam.store.get(KEYS.affinity(hostA, block))).isEmpty();
  }

  private IPAddress blockOf(NodeName node) {
    return new AddressLookup(ipam.store, KEYS).blocksAffineTo(node).get(0);
  }
}
