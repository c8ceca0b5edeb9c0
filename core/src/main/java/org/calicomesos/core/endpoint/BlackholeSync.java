package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.model.NodeName;

/**
 * Keeps one {@code blackhole} route per block this host has a confirmed claim on, and none for blocks it no
 * longer has, so a packet for an unused address of a local block is dropped here rather than sent to the
 * default gateway. Run after isolate and cleanup; a failure is logged, not fatal: the container's own routes
 * are more specific, and the next request repeats the sync.
 */
final class BlackholeSync {
  private static final System.Logger LOG = System.getLogger(BlackholeSync.class.getName());

  private BlackholeSync() {}

  static void run(AddressLookup ipam, Dataplane dataplane, NodeName node) {
    try {
      Set<IPAddress> wanted = new HashSet<>(ipam.blocksAffineTo(node));
      List<IPAddress> present = dataplane.blackholes();
      for (IPAddress block : present) {
        if (!wanted.remove(block)) {
          dataplane.removeBlackhole(block);
          LOG.log(Level.INFO, "removed blackhole route for block {0}: no longer claimed by {1}", block, node);
        }
      }
      for (IPAddress block : wanted) {
        dataplane.addBlackhole(block);
        LOG.log(Level.INFO, "added blackhole route for block {0}", block);
      }
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "could not bring the blackhole routes of local blocks up to date: {0}", e.getMessage());
    }
  }
}
