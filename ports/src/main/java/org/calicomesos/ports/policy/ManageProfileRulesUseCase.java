package org.calicomesos.ports.policy;

import java.util.OptionalInt;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * {@code profile rule add|remove}: edits one direction's rule list of a profile ({@code INGRESS}: its inbound rules,
 * {@code EGRESS}: its outbound ones) by compare-and-swap. Positions count from 1, as {@code profile rule list} shows.
 */
public interface ManageProfileRulesUseCase {
  /**
   * Inserts {@code rule} at {@code position} (absent: appends); returns the profile's rules after the change.
   *
   * @throws ProfileNotFoundException when the profile has no rules record
   * @throws org.calicomesos.ports.policy.rule.InvalidPolicyException when the rule passes, or the position is past the
   *     end
   */
  ProfilePolicy addRule(ProfileName profile, PolicyType direction, Rule rule, OptionalInt position);

  /**
   * Removes the rule at {@code position}; returns the rule removed.
   *
   * @throws ProfileNotFoundException when the profile has no rules record
   * @throws org.calicomesos.ports.policy.rule.InvalidPolicyException when there is no rule at that position
   */
  Rule removeRule(ProfileName profile, PolicyType direction, int position);
}
