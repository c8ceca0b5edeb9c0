package org.calicomesos.app.admin.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.ports.node.HostRegistration;

/** A host registration as {@code node show} renders it: addresses, version, and how old its heartbeat is. */
final class RoutingText {
  private RoutingText() {}

  static String registration(HostRegistration registration, Instant now) {
    return "IPv4 " + address(registration.ipv4()) + ", IPv6 " + address(registration.ipv6()) + ", heartbeat "
        + age(registration.heartbeat(), now) + " (" + registration.version() + ")";
  }

  /** "12 s ago"; a clock behind the writer's shows as "0 s ago". */
  static String age(Instant heartbeat, Instant now) {
    return Math.max(0, Duration.between(heartbeat, now).toSeconds()) + " s ago";
  }

  static ObjectNode json(HostRegistration registration, Instant now) {
    ObjectNode json = JsonDocument.object();
    json.put("ipv4", registration.ipv4().map(IPAddress::toCanonicalString).orElse(null));
    json.put("ipv6", registration.ipv6().map(IPAddress::toCanonicalString).orElse(null));
    json.put("version", registration.version());
    json.put("heartbeat", registration.heartbeat().toString());
    json.put("heartbeat_age_seconds", Math.max(0, Duration.between(registration.heartbeat(), now).toSeconds()));
    return json;
  }

  private static String address(Optional<IPAddress> address) {
    return address.map(IPAddress::toCanonicalString).orElse("none");
  }
}
