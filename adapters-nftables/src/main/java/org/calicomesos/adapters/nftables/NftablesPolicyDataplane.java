package org.calicomesos.adapters.nftables;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.policy.EndpointEnforcement;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * {@link PolicyDataplane} on nftables: the whole policy is one table of ours, {@code table inet <table>}, changed by
 * one {@code nft -f -} transaction each time. The first policy an instance enforces replaces the table whole
 * ({@link RulesetRenderer}); after that, knowing what it committed, it sends only the difference
 * ({@link RulesetUpdate}), and falls back to replacing the table if the kernel refuses that (someone changed or
 * deleted our table meanwhile). It never lists, flushes or changes another table, so other programs' rules are
 * left alone, and a refused transaction leaves ours as it was.
 */
final class NftablesPolicyDataplane implements PolicyDataplane {
  static final String DEFAULT_TABLE = "calico_mesos";
  /** Well over the agent's usual time to apply a new endpoint, well under a CNI runtime's patience. */
  static final Duration SETTLE = Duration.ofMillis(500);
  private static final System.Logger LOG = System.getLogger(NftablesPolicyDataplane.class.getName());
  // A plain nft identifier, so it needs no quoting; NFT_TABLE_MAXNAMELEN is 256, we stay far below.
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String table;
  private final RulesetRenderer renderer;
  private final RulesetUpdate update;
  private final NftProcess nft;
  private final EndpointPresence presence;
  /** The policy our table holds, when this instance committed it; empty when unknown. */
  private Optional<HostPolicy> inForce = Optional.empty();

  NftablesPolicyDataplane(String table, NftProcess nft) {
    this(table, nft, SETTLE);
  }

  /** {@code settle}: how long an endpoint found absent is given before it is read again ({@link EndpointPresence}). */
  NftablesPolicyDataplane(String table, NftProcess nft, Duration settle) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("an nftables table name must match " + TABLE + ", got " + table);
    }
    this.table = table;
    this.renderer = new RulesetRenderer(table);
    this.update = new RulesetUpdate(table);
    this.nft = nft;
    this.presence = new EndpointPresence(table, nft, settle);
  }

  /** The {@code nft} on the PATH, given 30 s per transaction (10,000 local endpoints take under 2 s). */
  static NftablesPolicyDataplane onPath(String table) {
    return new NftablesPolicyDataplane(table, new NftProcess("nft", Duration.ofSeconds(30)));
  }

  @Override
  public synchronized void enforce(HostPolicy policy) {
    if (inForce.isPresent()) {
      String changes = update.render(inForce.get(), policy);
      try {
        if (!changes.isEmpty()) {
          nft.apply(changes, "update table inet " + table);
        }
        inForce = Optional.of(policy);
        return;
      } catch (PolicyApplyException e) {
        LOG.log(System.Logger.Level.WARNING, "replacing table inet {0} whole: {1}", table, e.getMessage());
      }
    }
    inForce = Optional.empty();
    replaceWith(renderer.replace(policy));
    inForce = Optional.of(policy);
  }

  @Override
  public synchronized void withdraw() {
    inForce = Optional.empty();
    nft.apply(renderer.withdraw(), "delete table inet " + table);
  }

  @Override
  public EndpointEnforcement enforces(InterfaceName hostInterface) {
    return presence.of(hostInterface); // not synchronized: it reads the kernel, not what this instance committed
  }

  /** Commits a replacement script; enforce's last step, and the seam the atomicity test feeds a broken script. */
  void replaceWith(String script) {
    nft.apply(script, "replace table inet " + table);
  }
}
