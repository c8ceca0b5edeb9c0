package org.calicomesos.core.profile;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ManageProfileRulesUseCase;
import org.calicomesos.ports.policy.ProfileNotFoundException;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code profile rule add|remove}: one direction's list in a profile's {@code rules} record, edited by
 * compare-and-swap. Errors about the position name the field {@code position}.
 */
public final class ProfileRulesService implements ManageProfileRulesUseCase {
  private final DatastoreKeys keys;
  private final CasLoop cas;

  @Inject
  public ProfileRulesService(KeyValueStore store, DatastoreKeys keys) {
    this.keys = keys;
    this.cas = new CasLoop(store);
  }

  @Override
  public ProfilePolicy addRule(ProfileName profile, PolicyType direction, Rule rule, OptionalInt position) {
    if (rule.passes()) {
      throw new InvalidPolicyException("action", "cannot be pass in a profile: pass hands a packet from the policies "
          + "to the profiles");
    }
    return cas.update(keys.profileRules(profile), ProfileCodecs.RULES, current -> {
      ProfileCodecs.Rules rules = current.orElseThrow(() -> new ProfileNotFoundException(profile));
      List<Rule> list = new ArrayList<>(of(rules, direction));
      int at = position.orElse(list.size() + 1);
      if (at < 1 || at > list.size() + 1) {
        throw new InvalidPolicyException("position", "must be from 1 to " + (list.size() + 1) + ", not " + at);
      }
      list.add(at - 1, rule);
      ProfileCodecs.Rules changed = with(rules, direction, list);
      return Step.put(changed, new ProfilePolicy(profile, changed.inbound(), changed.outbound()));
    });
  }

  @Override
  public Rule removeRule(ProfileName profile, PolicyType direction, int position) {
    return cas.update(keys.profileRules(profile), ProfileCodecs.RULES, current -> {
      ProfileCodecs.Rules rules = current.orElseThrow(() -> new ProfileNotFoundException(profile));
      List<Rule> list = new ArrayList<>(of(rules, direction));
      if (position < 1 || position > list.size()) {
        throw new InvalidPolicyException("position", list.isEmpty()
            ? "cannot be " + position + ": profile " + profile + " has no " + word(direction) + " rules"
            : "must be from 1 to " + list.size() + ", not " + position);
      }
      Rule removed = list.remove(position - 1);
      return Step.put(with(rules, direction, list), removed);
    });
  }

  private static List<Rule> of(ProfileCodecs.Rules rules, PolicyType direction) {
    return direction == PolicyType.INGRESS ? rules.inbound() : rules.outbound();
  }

  private static ProfileCodecs.Rules with(ProfileCodecs.Rules rules, PolicyType direction, List<Rule> list) {
    return direction == PolicyType.INGRESS
        ? new ProfileCodecs.Rules(list, rules.outbound())
        : new ProfileCodecs.Rules(rules.inbound(), list);
  }

  private static String word(PolicyType direction) {
    return direction == PolicyType.INGRESS ? "inbound" : "outbound";
  }
}
