package org.calicomesos.core.profile;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.ports.model.Netgroup;

/**
 * One allow rule of a profile, in Calico v1's vocabulary: traffic from endpoints carrying {@code srcTag}, from
 * {@code srcNet}, to {@code dstNet}, or (with none) everything.
 */
public record ProfileRule(Optional<String> srcTag, Optional<IPAddress> srcNet, Optional<IPAddress> dstNet) {
  public static final ProfileRule ALLOW_ALL = new ProfileRule(Optional.empty(), Optional.empty(), Optional.empty());

  public static ProfileRule fromTag(Netgroup tag) {
    return new ProfileRule(Optional.of(tag.value()), Optional.empty(), Optional.empty());
  }

  public static ProfileRule fromNet(IPAddress net) {
    return new ProfileRule(Optional.empty(), Optional.of(net), Optional.empty());
  }

  public static ProfileRule toNet(IPAddress net) {
    return new ProfileRule(Optional.empty(), Optional.empty(), Optional.of(net));
  }
}
