package org.calicomesos.ports.policy;

import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ProfileName;

/** A profile as stored: its {@code rules} record (inbound and outbound allow rules) and its {@code tags} record. */
public record StoredProfile(ProfileName name, Readout<ProfilePolicy> rules, Readout<List<String>> tags) {
  public StoredProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(tags, "tags");
  }
}
