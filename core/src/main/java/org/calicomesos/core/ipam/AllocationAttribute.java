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
}
