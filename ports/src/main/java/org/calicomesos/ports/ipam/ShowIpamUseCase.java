package org.calicomesos.ports.ipam;

import java.util.Optional;
import org.calicomesos.ports.model.NodeName;

/** {@code ipam show [--host H]}. */
public interface ShowIpamUseCase {
  IpamOverview show(Optional<NodeName> host);
}
