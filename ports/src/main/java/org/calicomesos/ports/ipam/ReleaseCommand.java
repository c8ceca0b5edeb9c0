package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;

/** Free addresses, either every one a handle holds or exactly the ones named (whoever holds them). */
public sealed interface ReleaseCommand {

  /** Everything {@code handle} holds. */
  record ByHandle(HandleId handle) implements ReleaseCommand {
    public ByHandle {
      Objects.requireNonNull(handle, "handle");
    }
  }

  /**
   * Those of these addresses that {@code handle} still holds: what {@code cleanup} frees, since the agent has
   * already released them by address and one may since have gone to someone else.
   */
  record StillHeldBy(List<IPAddress> addresses, HandleId handle) implements ReleaseCommand {
    public StillHeldBy {
      Objects.requireNonNull(handle, "handle");
      addresses = List.copyOf(addresses);
    }
  }

  /** These addresses, regardless of owner. */
  record ByAddresses(List<IPAddress> addresses) implements ReleaseCommand {
    public ByAddresses {
      if (addresses.isEmpty()) {
        throw new InvalidRequestException("release needs at least one address in ips");
      }
      if (addresses.size() > AllocateCommand.MAX_PER_FAMILY * 2) {
        throw new InvalidRequestException("release takes at most " + AllocateCommand.MAX_PER_FAMILY * 2 + " addresses");
      }
      addresses = List.copyOf(addresses);
    }
  }
}
