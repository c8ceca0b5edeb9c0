package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.Listing;

/**
 * Keeps one {@code blackhole} route per block this host has a confirmed claim on, and none for blocks it no
 * longer has, so a packet for an unused address of a local block is dropped here rather than sent to the
 * default gateway. Isolate makes sure its own container's blocks have theirs ({@link #ensure}); cleanup brings the
 * whole set up to date ({@link #run}). A failure is logged, not fatal: the container's own routes are more
 * specific, and the next request repeats it.
 */
final class BlackholeSync {
  private static final System.Logger LOG = System.getLogger(BlackholeSync.class.getName());

  private BlackholeSync() {}

  /** @param hostAffinities a listing of this host's claims, read with the request's other records */
  static void run(AddressLookup ipam, Dataplane dataplane, Listing hostAffinities) {
    try {
      Set<IPAddress> wanted = new HashSet<>(ipam.blocksAffineTo(hostAffinities));
      List<IPAddress> present = dataplane.blackholes();
      for (IPAddress block : present) {
        if (!wanted.remove(block)) {
          dataplane.removeBlackhole(block);
          LOG.log(Level.INFO, "removed blackhole route for block {0}: no longer claimed by this host", block);
        }
      }
      add(dataplane, wanted);
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "could not bring the blackhole routes of local blocks up to date: {0}", e.getMessage());
    }
  }

  /** Adds the blackholes of {@code blocks}, all confirmed local, that are missing; removes none. */
  static void ensure(Dataplane dataplane, Collection<IPAddress> blocks) {
    try {
      List<IPAddress> present = dataplane.blackholes();
      add(dataplane, blocks.stream().filter(block -> !present.contains(block)).toList());
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "could not add the blackhole routes of blocks {0}: {1}", blocks, e.getMessage());
    }
  }

  private static void add(Dataplane dataplane, Collection<IPAddress> blocks) {
    for (IPAddress block : blocks) {
      dataplane.addBlackhole(block);
      LOG.log(Level.INFO, "added blackhole route for block {0}", block);
    }
  }
}
