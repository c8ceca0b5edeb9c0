package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calicomesos.ports.model.HandleId;

/**
 * How many addresses a handle holds in each block. Kept at least as large as the truth in the blocks
 * (it is raised before a block write and lowered after one), so release by handle finds every address.
 */
record Handle(HandleId id, Map<IPAddress, Integer> blocks) {
  Handle {
    blocks = Map.copyOf(blocks);
  }

  int count(IPAddress block) {
    return blocks.getOrDefault(block, 0);
  }

  Handle plus(IPAddress block, int count) {
    Map<IPAddress, Integer> next = new LinkedHashMap<>(blocks);
    next.merge(block, count, Integer::sum);
    return new Handle(id, next);
  }

  /** Lowers the count (not below zero); a block whose count reaches zero is dropped. */
  Handle minus(IPAddress block, int count) {
    Map<IPAddress, Integer> next = new LinkedHashMap<>(blocks);
    int left = Math.max(0, count(block) - count);
    if (left == 0) {
      next.remove(block);
    } else {
      next.put(block, left);
    }
    return new Handle(id, next);
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }
}
