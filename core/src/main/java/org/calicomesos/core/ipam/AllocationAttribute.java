package org.calicomesos.core.ipam;

import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.model.HandleId;

/** Who holds an address: its handle and free-form secondary attributes (e.g. the requesting host). */
record AllocationAttribute(Optional<HandleId> handle, Map<String, String> secondary) {
  AllocationAttribute {
    secondary = Map.copyOf(secondary);
  }

  boolean heldBy(HandleId id) {
    return handle.isPresent() && handle.get().equals(id);
  }

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and every assignment looks its holder up by equality.
  @Override
  public boolean equals(Object other) {
    return other instanceof AllocationAttribute that && handle.equals(that.handle) && secondary.equals(that.secondary);
  }

  @Override
  public int hashCode() {
    return handle.hashCode() * 31 + secondary.hashCode();
  }
}
