package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Blocks read in the same round trip as the pools, before the pools say which block an address is in: the block
 * the family's default block size gives, which is the block of every address of a pool made with it (the default
 * pools, and any added without a block size). The pools of the same read decide whether a block read ahead is the
 * address's; when one is not (a pool with another block size), the block is read as before, so a wrong guess costs
 * only the round trip it would have saved.
 */
public final class BlocksReadAhead {
  public static final BlocksReadAhead NONE = new BlocksReadAhead(Map.of());

  /** By block: its entry as read, or empty when it did not exist then. */
  private final Map<IPAddress, Optional<Entry>> blocks;

  private BlocksReadAhead(Map<IPAddress, Optional<Entry>> blocks) {
    this.blocks = blocks;
  }

  /** The blocks worth reading ahead for {@code addresses}: one per default-size block, in order. */
  public static List<IPAddress> likelyBlocks(List<IPAddress> addresses) {
    return addresses.stream()
        .map(address -> address.withoutPrefixLength().toPrefixBlock(IpFamily.of(address).defaultBlockPrefix()))
        .distinct()
        .toList();
  }

  /** The key to list for each block (a block's key is a prefix of no other key, and the match is exact below). */
  public static List<String> keys(DatastoreKeys keys, List<IPAddress> blocks) {
    return blocks.stream().map(keys::block).toList();
  }

  /** The blocks as {@code listings} (one per block, in the order of {@code blocks}) found them. */
  public static BlocksReadAhead of(DatastoreKeys keys, List<IPAddress> blocks, List<Listing> listings) {
    Map<IPAddress, Optional<Entry>> read = new LinkedHashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      String key = keys.block(blocks.get(i));
      read.put(blocks.get(i), listings.get(i).entries().stream().filter(entry -> entry.key().equals(key)).findFirst());
    }
    return new BlocksReadAhead(read);
  }

  /** Whether {@code cidr} was read ahead (then {@link #block} is its state at that read, absent or not). */
  boolean has(IPAddress cidr) {
    return blocks.containsKey(cidr);
  }

  /** The block as read ahead; empty if it did not exist then, or was not read ahead (see {@link #has}). */
  Optional<BlockRead> block(IPAddress cidr) {
    return blocks.getOrDefault(cidr, Optional.empty())
        .map(entry -> new BlockRead(IpamCodecs.BLOCK.decode(entry), entry));
  }
}
