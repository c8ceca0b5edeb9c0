package org.calicomesos.core.endpoint;

import java.lang.System.Logger.Level;
import java.util.Optional;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.kv.Entry;

/**
 * Endpoint records as the agent's models meet them in a listing or a watch (any host's, any writer's): a record
 * that cannot be read is logged and read as absent, so one bad record never stops a model.
 */
public final class EndpointRecords {
  private static final System.Logger LOG = System.getLogger(EndpointRecords.class.getName());

  private EndpointRecords() {}

  /** The endpoint an entry at an endpoint key holds, or empty (logged) when it cannot be read. */
  public static Optional<Endpoint> read(Entry entry) {
    try {
      return Optional.of(EndpointCodec.ENDPOINT.decode(entry));
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "ignoring endpoint record {0}: {1}", entry.key(), e.getMessage());
      return Optional.empty();
    }
  }
}
