package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.ports.model.Netgroup;

/**
 * One allow rule of a profile, in Calico v1's vocabulary: traffic from endpoints carrying {@code srcTag}, from
 * {@code srcNet}, to {@code dstNet} — every condition given must hold; with none, everything. A tag is any
 * text an operator or the plugin wrote in the datastore: adapters must never put it into a ruleset as is.
 */
public record ProfileRule(Optional<String> srcTag, Optional<IPAddress> srcNet, Optional<IPAddress> dstNet) {
  public static final ProfileRule ALLOW_ALL = new ProfileRule(Optional.empty(), Optional.empty(), Optional.empty());

  public static ProfileRule fromTag(Netgroup tag) {
    return fromTag(tag.value());
  }

  public static ProfileRule fromTag(String tag) {
    return new ProfileRule(Optional.of(tag), Optional.empty(), Optional.empty());
  }

  public static ProfileRule fromNet(IPAddress net) {
    return new ProfileRule(Optional.empty(), Optional.of(net), Optional.empty());
  }

  public static ProfileRule toNet(IPAddress net) {
    return new ProfileRule(Optional.empty(), Optional.empty(), Optional.of(net));
  }
}
