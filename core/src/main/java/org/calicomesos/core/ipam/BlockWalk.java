package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.NodeName;

/**
 * Visits every block of a pool once, in an order seeded by the host's name: a start and an odd step
 * (co-prime with the power-of-two block count) drawn from that seed. Hosts start far apart, so they
 * rarely race for the same block, and one host always tries the same blocks first.
 */
final class BlockWalk implements Iterator<IPAddress> {
  private final Pool pool;
  private final BigInteger blockCount;
  private final BigInteger start;
  private final BigInteger step;
  private BigInteger visited = BigInteger.ZERO;

  BlockWalk(Pool pool, NodeName node) {
    this.pool = pool;
    this.blockCount = BigInteger.ONE.shiftLeft(pool.blockPrefixLength() - pool.cidr().getNetworkPrefixLength());
    SplittableRandom seed = new SplittableRandom(node.value().hashCode());
    this.start = new BigInteger(Long.toUnsignedString(seed.nextLong())).mod(blockCount);
    this.step = new BigInteger(Long.toUnsignedString(seed.nextLong())).mod(blockCount).setBit(0).mod(blockCount.max(BigInteger.TWO));
  }

  BigInteger blockCount() {
    return blockCount;
  }

  @Override
  public boolean hasNext() {
    return visited.compareTo(blockCount) < 0;
  }

  @Override
  public IPAddress next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BigInteger index = start.add(step.multiply(visited)).mod(blockCount);
    visited = visited.add(BigInteger.ONE);
    BigInteger offset = index.shiftLeft(pool.family().bits() - pool.blockPrefixLength());
    return pool.cidr().getLower().withoutPrefixLength().increment(offset).toPrefixBlock(pool.blockPrefixLength());
  }
}
