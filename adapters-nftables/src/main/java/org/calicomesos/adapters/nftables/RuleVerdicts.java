package org.calicomesos.adapters.nftables;

import org.calicomesos.ports.policy.rule.RuleAction;

/**
 * What a matching rule's action does in nft, by where the rule is: a profile's rule sits in the endpoint's own
 * chain, whose {@code return} admits; a policy's rule sits in the policy's chain, shared by its endpoints, and tells
 * the endpoint chain its decision by a mark bit ({@link PolicyMarks}). Deny drops and log logs and goes on in both.
 */
enum RuleVerdicts {
  PROFILE,
  POLICY;

  /**
   * @param chain the chain the rule is in, named in the log prefix so that a log line says where it came from; chain
   *     names are derived ({@link NftNames}), never datastore text
   */
  String of(RuleAction action, String chain) {
    return switch (action) {
      case ALLOW -> this == PROFILE ? "return" : PolicyMarks.allow();
      case DENY -> "drop";
      case LOG -> "log prefix \"calico-mesos " + chain + " \"";
      case PASS -> {
        if (this == PROFILE) {
          // HostPolicy refuses a profile with a pass rule, so this is a bug of ours.
          throw new IllegalStateException("a profile rule passes");
        }
        yield PolicyMarks.pass();
      }
    };
  }
}
