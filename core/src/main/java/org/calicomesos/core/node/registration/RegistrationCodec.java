package org.calicomesos.core.node.registration;

import static org.calicomesos.core.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;

/**
 * The registration record's JSON: {@code {"node":"h1","ipv4":"203.0.113.11","ipv6":null,"version":"…",
 * "heartbeat":"2026-11-25T04:30:00Z"}}. The addresses are validated as plain addresses of their family, since
 * they become route gateways on every other host.
 */
public final class RegistrationCodec {
  public static final Codec<HostRegistration> REGISTRATION = TreeCodec.of(RegistrationCodec::decode,
      RegistrationCodec::encode);

  private RegistrationCodec() {}

  private static HostRegistration decode(JsonNode node) {
    Instant heartbeat;
    try {
      heartbeat = Instant.parse(text(node, "heartbeat"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field 'heartbeat' is not an ISO-8601 instant");
    }
    return new HostRegistration(new NodeName(text(node, "node")), address(node, "ipv4", IpFamily.V4),
        address(node, "ipv6", IpFamily.V6), text(node, "version"), heartbeat);
  }

  private static Optional<IPAddress> address(JsonNode node, String field, IpFamily family) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(Addresses.parseAddress(field, text(node, field), family));
  }

  private static JsonNode encode(HostRegistration registration) {
    ObjectNode node = JsonTree.object();
    node.put("node", registration.node().value());
    node.put("ipv4", registration.ipv4().map(IPAddress::toCanonicalString).orElse(null));
    node.put("ipv6", registration.ipv6().map(IPAddress::toCanonicalString).orElse(null));
    node.put("version", registration.version());
    node.put("heartbeat", registration.heartbeat().toString());
    return node;
  }
}
