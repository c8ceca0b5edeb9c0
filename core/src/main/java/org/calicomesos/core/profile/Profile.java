package org.calicomesos.core.profile;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * A policy profile (docs/calico-model.md, "Profiles and policy"; its records: docs/datastore-schema.md, "Profiles"):
 * inbound and outbound rules and the tags its endpoints carry. Anything no rule admits is dropped.
 */
public record Profile(ProfileName name, List<Rule> inbound, List<Rule> outbound, List<String> tags) {
  public Profile {
    inbound = List.copyOf(inbound);
    outbound = List.copyOf(outbound);
    tags = List.copyOf(tags);
  }

  /** {@code default_<node>}: traffic from and to the host itself ({@code hostIp}/32). */
  public static Profile hostDefault(NodeName node, IPAddress hostIp) {
    IPAddress net = hostIp.withoutPrefixLength().toPrefixBlock(hostIp.getBitCount());
    return new Profile(ProfileName.hostDefault(node), List.of(Rule.allowFromNet(net)), List.of(Rule.allowToNet(net)),
        List.of());
  }

  /** {@code public}: everyone in, everything out. */
  public static Profile publicProfile() {
    return new Profile(ProfileName.of(Netgroup.PUBLIC), List.of(Rule.ALLOW_ALL), List.of(Rule.ALLOW_ALL),
        List.of(Netgroup.PUBLIC.value()));
  }

  /** A netgroup: in from endpoints tagged with it, everything out. */
  public static Profile netgroup(Netgroup netgroup) {
    if (netgroup.equals(Netgroup.PUBLIC)) {
      return publicProfile();
    }
    return new Profile(ProfileName.of(netgroup), List.of(Rule.allowFromTag(netgroup.value())), List.of(Rule.ALLOW_ALL),
        List.of(netgroup.value()));
  }
}
