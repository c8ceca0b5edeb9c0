package org.calicomesos.adapters.nftables;

import java.time.Duration;
import java.util.regex.Pattern;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * {@link PolicyDataplane} on nftables: the whole policy is one table of ours, {@code table inet <table>}, replaced
 * by one {@code nft -f -} transaction each time (see {@link RulesetRenderer}). It never lists, flushes or changes
 * another table, so other programs' rules are left alone, and a refused transaction leaves ours as it was.
 */
final class NftablesPolicyDataplane implements PolicyDataplane {
  static final String DEFAULT_TABLE = "calico_mesos";
  // A plain nft identifier, so it needs no quoting; NFT_TABLE_MAXNAMELEN is 256, we stay far below.
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final String table;
  private final RulesetRenderer renderer;
  private final NftProcess nft;

  NftablesPolicyDataplane(String table, NftProcess nft) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("an nftables table name must match " + TABLE + ", got " + table);
    }
    this.table = table;
    this.renderer = new RulesetRenderer(table);
    this.nft = nft;
  }

  /** The {@code nft} on the PATH, given 30 s per transaction (10,000 local endpoints take under 2 s). */
  static NftablesPolicyDataplane onPath(String table) {
    return new NftablesPolicyDataplane(table, new NftProcess("nft", Duration.ofSeconds(30)));
  }

  @Override
  public void enforce(HostPolicy policy) {
    replaceWith(renderer.replace(policy));
  }

  @Override
  public void withdraw() {
    nft.apply(renderer.withdraw(), "delete table inet " + table);
  }

  /** Commits a replacement script; enforce's last step, and the seam the atomicity test feeds a broken script. */
  void replaceWith(String script) {
    nft.apply(script, "replace table inet " + table);
  }
}
