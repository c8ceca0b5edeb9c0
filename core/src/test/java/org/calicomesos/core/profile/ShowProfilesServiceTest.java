package org.calicomesos.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ProfileNotFoundException;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.StoredProfile;
import org.calicomesos.ports.policy.rule.Rule;
import org.junit.jupiter.api.Test;

/** {@code profile list|show} over the profiles the real isolate service wrote. */
class ShowProfilesServiceTest {
  private final TwoHosts hosts = new TwoHosts();
  private final ShowProfilesService profiles = new ShowProfilesService(hosts.store, TwoHosts.KEYS);

  @Test
  void lists_every_profile_by_name_with_its_rules_and_tags() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod", "public");
    hosts.isolate(TwoHosts.THERE, "b", 1, 0, "dev");

    List<StoredProfile> listed = profiles.list();

    assertThat(listed).extracting(p -> p.name().value())
        .containsExactly("default_agent-1", "default_agent-2", "dev", "prod", "public");
    StoredProfile prod = listed.get(3);
    assertThat(prod.rules()).isEqualTo(Readout.of(new ProfilePolicy(new ProfileName("prod"),
        List.of(Rule.allowFromTag("prod")), List.of(Rule.ALLOW_ALL))));
    assertThat(prod.tags()).isEqualTo(Readout.of(List.of("prod")));
    assertThat(listed.get(0).rules().value().orElseThrow().inbound())
        .containsExactly(Rule.allowFromNet(Addresses.parseCidr("test", "10.0.0.5/32")));
    assertThat(listed.get(0).tags()).isEqualTo(Readout.of(List.of()));
  }

  @Test
  void show_reads_one_profile_and_refuses_an_unknown_one() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");

    assertThat(profiles.show(new ProfileName("prod"))).isEqualTo(profiles.list().get(1));
    assertThatThrownBy(() -> profiles.show(new ProfileName("nope")))
        .isInstanceOf(ProfileNotFoundException.class).hasMessage("there is no profile nope");
  }

  @Test
  void an_unreadable_or_missing_record_is_reported_and_the_other_one_still_read() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    hosts.plant(TwoHosts.KEYS.profileRules(new ProfileName("prod")),
        "{\"inbound_rules\":[{\"action\":\"pass\"}],\"outbound_rules\":[]}");
    hosts.plant(TwoHosts.KEYS.profileTags(new ProfileName("ops")), "[\"ops\"]");

    StoredProfile prod = profiles.show(new ProfileName("prod"));
    StoredProfile ops = profiles.show(new ProfileName("ops"));

    assertThat(prod.rules().problem())
        .contains("a profile rule cannot pass: pass hands a packet from the policies to the profiles");
    assertThat(prod.tags()).isEqualTo(Readout.of(List.of("prod")));
    assertThat(ops.rules().absentRecord()).isTrue();
    assertThat(ops.tags()).isEqualTo(Readout.of(List.of("ops")));
    assertThat(profiles.list()).extracting(p -> p.name().value()).containsExactly("default_agent-1", "ops", "prod");
  }
}
