package org.calicomesos.app.netmodules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.calicomesos.app.json.BoundedJsonReader;
import org.calicomesos.app.json.JsonKind;
import org.calicomesos.ports.model.InvalidRequestException;

/** Parses request bytes, within the plugin's limits, into the request's top-level object. */
final class RequestDecoder {
  private final BoundedJsonReader reader = new BoundedJsonReader(NetModulesProtocol.MAX_REQUEST_BYTES);

  /** The request's top-level object: {@code {"command": .., "args": {..}}}. */
  ObjectNode decode(byte[] request) {
    JsonNode root = reader.read(request, "a JSON object with command and args");
    if (!root.isObject()) {
      throw new InvalidRequestException("request must be a JSON object with command and args, not "
          + JsonKind.of(root));
    }
    return (ObjectNode) root;
  }
}
