package org.calicomesos.ports.policy;

import java.util.List;
import org.calicomesos.ports.model.ProfileName;

/** One profile as an endpoint's policy uses it: its allow rules for traffic in and out, in order. */
public record ProfilePolicy(ProfileName name, List<ProfileRule> inbound, List<ProfileRule> outbound) {
  public ProfilePolicy {
    inbound = List.copyOf(inbound);
    outbound = List.copyOf(outbound);
  }
}
