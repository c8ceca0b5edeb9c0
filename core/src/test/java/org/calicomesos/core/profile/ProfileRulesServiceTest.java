package org.calicomesos.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ProfileNotFoundException;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.junit.jupiter.api.Test;

/** {@code profile rule add|remove} on the rules record the isolate service wrote for netgroup {@code prod}. */
class ProfileRulesServiceTest {
  private static final ProfileName PROD = new ProfileName("prod");
  private static final Rule DENY_UDP = new Rule(RuleAction.DENY, Optional.of(RuleProtocol.UDP), Optional.empty(),
      RuleEntity.ANY, RuleEntity.ANY);
  private static final Rule FROM_NET = Rule.allowFromNet(Addresses.parseCidr("test", "10.1.0.0/16"));

  private final TwoHosts hosts = new TwoHosts();
  private final ProfileRulesService rules = new ProfileRulesService(hosts.store, TwoHosts.KEYS);
  private final ShowProfilesService profiles = new ShowProfilesService(hosts.store, TwoHosts.KEYS);

  @Test
  void add_appends_or_inserts_at_a_position_counted_from_one() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");

    rules.addRule(PROD, PolicyType.INGRESS, FROM_NET, OptionalInt.empty());
    ProfilePolicy after = rules.addRule(PROD, PolicyType.INGRESS, DENY_UDP, OptionalInt.of(1));

    assertThat(after.inbound()).containsExactly(DENY_UDP, Rule.allowFromTag("prod"), FROM_NET);
    assertThat(after.outbound()).containsExactly(Rule.ALLOW_ALL);
    assertThat(profiles.show(PROD).rules().value()).contains(after);
  }

  @Test
  void remove_takes_out_the_rule_at_the_position_and_returns_it() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    rules.addRule(PROD, PolicyType.EGRESS, DENY_UDP, OptionalInt.of(1));

    assertThat(rules.removeRule(PROD, PolicyType.EGRESS, 2)).isEqualTo(Rule.ALLOW_ALL);
    assertThat(profiles.show(PROD).rules().value().orElseThrow().outbound()).containsExactly(DENY_UDP);
  }

  @Test
  void refuses_pass_positions_out_of_range_and_unknown_profiles_writing_nothing() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    String before = hosts.store.get(TwoHosts.KEYS.profileRules(PROD)).orElseThrow().value();

    assertThatThrownBy(() -> rules.addRule(PROD, PolicyType.INGRESS, DENY_UDP.withAction(RuleAction.PASS),
        OptionalInt.empty())).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("action cannot be pass in a profile: pass hands a packet from the policies to the profiles");
    assertThatThrownBy(() -> rules.addRule(PROD, PolicyType.INGRESS, DENY_UDP, OptionalInt.of(3)))
        .isInstanceOf(InvalidPolicyException.class).hasMessage("position must be from 1 to 2, not 3");
    assertThatThrownBy(() -> rules.removeRule(PROD, PolicyType.INGRESS, 0))
        .isInstanceOf(InvalidPolicyException.class).hasMessage("position must be from 1 to 1, not 0");
    assertThatThrownBy(() -> rules.removeRule(new ProfileName("nope"), PolicyType.INGRESS, 1))
        .isInstanceOf(ProfileNotFoundException.class).hasMessage("there is no profile nope");
    assertThat(hosts.store.get(TwoHosts.KEYS.profileRules(PROD)).orElseThrow().value()).isEqualTo(before);
  }
}
