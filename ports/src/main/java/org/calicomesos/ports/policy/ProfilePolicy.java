package org.calicomesos.ports.policy;

import java.util.List;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * One profile as an endpoint's policy uses it: its rules for traffic in and out, in order. A profile's rules allow,
 * deny or log; {@code pass} is for policies (it hands a packet to the profiles).
 */
public record ProfilePolicy(ProfileName name, List<Rule> inbound, List<Rule> outbound) {
  public ProfilePolicy {
    inbound = List.copyOf(inbound);
    outbound = List.copyOf(outbound);
  }
}
