package org.calicomesos.core.routing;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.routing.bgp.BgpHost;
import org.calicomesos.core.routing.bgp.BgpPlanner;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpConfigurationRejectedException;
import org.calicomesos.ports.routing.bgp.BgpReload;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;
import org.calicomesos.ports.schema.DatastoreKeys.AffinityKey;

/**
 * Hands this host's BGP plan (BgpPlanner over the route model) to the {@link BgpSpeaker} in BGP mode: when the plan
 * changes, and on every repair tick, which retries a plan BIRD refused or could not take and costs a file read
 * otherwise. A speaker's trouble never stops the route loop: it is logged, once for as long as it lasts, and tried
 * again at the next tick. Leaving BGP mode hands over an empty configuration (no peers, no blocks), so BIRD drops
 * its sessions and withdraws its kernel routes, which would otherwise stand in the way of the direct ones.
 */
final class BgpHandover {
  private static final System.Logger LOG = System.getLogger(BgpHandover.class.getName());

  private final BgpSpeaker speaker;
  private final NodeName self;
  private Optional<BgpConfiguration> handed = Optional.empty();
  private String lastTrouble = "";
  // UNCHANGED after SPEAKER_NOT_RUNNING says nothing about whether BIRD has started since; only a reload does.
  private boolean birdDown;

  BgpHandover(BgpSpeaker speaker, NodeName self) {
    this.speaker = speaker;
    this.self = self;
  }

  /**
   * In BGP mode, hands over the model's plan if it differs from the one last handed over, or always when
   * {@code repairing}. This host's own registration gives the router id and the families it peers in; until it is
   * read, BIRD is left as it is rather than emptied.
   */
  void follow(RouteModel model, boolean repairing) {
    Optional<HostRegistration> own = model.registration(self);
    if (own.isEmpty()) {
      trouble("host " + self + " is not registered yet: BIRD is left as it is until its registration is read");
      return;
    }
    BgpConfiguration plan = BgpPlanner.plan(host(own.get()), ownBlocks(model), hosts(model), model.bgpSettings());
    if (repairing || !handed.equals(Optional.of(plan))) {
      hand(plan);
    }
  }

  /** On leaving BGP mode: BIRD keeps its router id, drops every session and announces nothing. */
  void withdraw() {
    if (handed.isEmpty()) {
      return; // nothing was handed over by this agent: BIRD may not even be installed
    }
    BgpConfiguration empty = new BgpConfiguration(handed.get().routerId(), handed.get().localAs(), List.of(), List.of());
    hand(empty);
    handed = Optional.empty();
  }

  private void hand(BgpConfiguration plan) {
    handed = Optional.of(plan);
    BgpReload reload;
    try {
      reload = speaker.configure(plan);
    } catch (BgpConfigurationRejectedException e) {
      trouble(e.getMessage() + "; the last configuration BIRD accepted stays in force, trying again in the next"
          + " repair");
      return;
    } catch (BgpSpeakerException e) {
      trouble("cannot configure BIRD: " + e.getMessage() + "; trying again in the next repair");
      return;
    }
    if (reload == BgpReload.SPEAKER_NOT_RUNNING) {
      // On file, so a BIRD that starts later reads it; later ticks answer UNCHANGED, so this is said once.
      birdDown = true;
      trouble("BIRD is not running: its configuration is written (" + plan.peers().size() + " peers, "
          + plan.announcedBlocks().size() + " blocks) and takes effect when it starts");
      return;
    }
    if (reload == BgpReload.RELOADED) {
      LOG.log(Level.INFO, "BIRD reloaded: {0} peers, {1} blocks announced", plan.peers().size(),
          plan.announcedBlocks().size());
      birdDown = false;
    }
    if (!birdDown) {
      lastTrouble = ""; // in force: the next trouble is news
    }
  }

  /** Logs a problem once for as long as it stays the same. */
  private void trouble(String message) {
    if (!message.equals(lastTrouble)) {
      lastTrouble = message;
      LOG.log(Level.WARNING, message);
    }
  }

  private static BgpHost host(HostRegistration registration) {
    return new BgpHost(registration.node(), registration.ipv4(), registration.ipv6());
  }

  private List<IPAddress> ownBlocks(RouteModel model) {
    return model.confirmedClaims().stream().filter(claim -> claim.node().equals(self)).map(AffinityKey::blockCidr)
        .toList();
  }

  private static List<BgpHost> hosts(RouteModel model) {
    return model.registrations().stream().map(BgpHandover::host).toList();
  }
}
