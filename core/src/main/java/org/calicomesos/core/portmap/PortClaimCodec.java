package org.calicomesos.core.portmap;

import static org.calicomesos.core.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;

/** {@code {"container_id":"c8b2…","endpoint_id":"5f2b…"}}: the JSON of a {@link PortClaim}. */
public final class PortClaimCodec {
  public static final Codec<PortClaim> CLAIM = TreeCodec.of(PortClaimCodec::decode, PortClaimCodec::encode);

  private PortClaimCodec() {}

  private static PortClaim decode(JsonNode node) {
    return new PortClaim(new ContainerId(text(node, "container_id")), new EndpointId(text(node, "endpoint_id")));
  }

  private static JsonNode encode(PortClaim claim) {
    return JsonTree.object()
        .put("container_id", claim.container().value())
        .put("endpoint_id", claim.endpoint().value());
  }
}
