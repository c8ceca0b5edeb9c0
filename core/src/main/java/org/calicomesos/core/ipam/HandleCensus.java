package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.model.HandleId;

/** Every handle the blocks or the handle records name, read at one time, and the blocks one node owns. */
public record HandleCensus(Map<HandleId, HandleHoldings> handles, Set<IPAddress> blocksOfNode) {
  public HandleCensus {
    handles = Map.copyOf(handles);
    blocksOfNode = Set.copyOf(blocksOfNode);
  }

  public Optional<HandleHoldings> of(HandleId handle) {
    return Optional.ofNullable(handles.get(handle));
  }
}
