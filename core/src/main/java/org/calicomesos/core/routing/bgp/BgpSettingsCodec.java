package org.calicomesos.core.routing.bgp;

import static org.calicomesos.core.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;

/**
 * The JSON of {@code <prefix>/v1/config/bgp}:
 * {@code {"as_number":64511,"node_mesh":true,"peers":[{"ip":"203.0.113.1","as_number":64512}]}}. A field left
 * out takes its {@link BgpSettings#DEFAULT} value, so {@code {}} is the default.
 */
public final class BgpSettingsCodec {
  public static final Codec<BgpSettings> CODEC = TreeCodec.of(BgpSettingsCodec::decode, BgpSettingsCodec::encode);

  private BgpSettingsCodec() {}

  private static BgpSettings decode(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("BGP settings must be a JSON object");
    }
    AsNumber asNumber = node.has("as_number") ? asNumber(node.path("as_number"), "as_number")
        : BgpSettings.DEFAULT.asNumber();
    JsonNode mesh = node.path("node_mesh");
    if (!mesh.isMissingNode() && !mesh.isBoolean()) {
      throw new IllegalArgumentException("field 'node_mesh' must be true or false");
    }
    JsonNode listed = node.path("peers");
    if (!listed.isMissingNode() && !listed.isArray()) {
      throw new IllegalArgumentException("field 'peers' must be a list");
    }
    List<BgpPeer> peers = new ArrayList<>();
    for (JsonNode peer : listed) {
      peers.add(BgpPeer.explicit(Addresses.parseAnyAddress("peer ip", text(peer, "ip")),
          asNumber(peer.path("as_number"), "peers' as_number")));
    }
    return new BgpSettings(asNumber, mesh.asBoolean(BgpSettings.DEFAULT.nodeMesh()), peers);
  }

  private static AsNumber asNumber(JsonNode value, String field) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + field + "' must be a whole number");
    }
    return new AsNumber(value.longValue());
  }

  private static JsonNode encode(BgpSettings settings) {
    ObjectNode node = JsonTree.object();
    node.put("as_number", settings.asNumber().value());
    node.put("node_mesh", settings.nodeMesh());
    ArrayNode peers = node.putArray("peers");
    for (BgpPeer peer : settings.explicitPeers()) {
      ObjectNode entry = peers.addObject();
      entry.put("ip", peer.address().toCanonicalString());
      entry.put("as_number", peer.asNumber().value());
    }
    return node;
  }
}
