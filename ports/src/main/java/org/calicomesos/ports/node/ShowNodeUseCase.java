package org.calicomesos.ports.node;

import org.calicomesos.ports.model.NodeName;

/** {@code node show}: what the datastore records about one host; read-only. */
public interface ShowNodeUseCase {
  NodeStatus show(NodeName node);
}
