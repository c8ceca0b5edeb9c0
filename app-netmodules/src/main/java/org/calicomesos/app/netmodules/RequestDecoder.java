package org.calicomesos.app.netmodules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * Parses request bytes into a JSON tree within hard limits (size, nesting, string and number length), so a
 * hostile or broken request costs little. The tree is built straight from Jackson's streaming parser: an
 * {@code ObjectMapper} would cost ~80 ms of class loading per process for nothing the plugin needs.
 */
final class RequestDecoder {
  static final int MAX_REQUEST_BYTES = NetModulesProtocol.MAX_REQUEST_BYTES;
  static final int MAX_DEPTH = 32;

  private final JsonFactory factory = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(MAX_REQUEST_BYTES)
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(64 * 1024)
          .maxNumberLength(64)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The request's top-level object: {@code {"command": .., "args": {..}}}. */
  ObjectNode decode(byte[] request) {
    if (request.length > MAX_REQUEST_BYTES) {
      throw new InvalidRequestException("request is larger than " + MAX_REQUEST_BYTES + " bytes");
    }
    JsonNode root;
    try (JsonParser parser = factory.createParser(request)) {
      com.fasterxml.jackson.core.JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidRequestException("request is empty; expected a JSON object with command and args");
      }
      root = JsonTree.read(parser, first); // recursion bounded by the parser's MAX_DEPTH
      if (parser.nextToken() != null) {
        throw new InvalidRequestException("request is not valid JSON: more content follows the request's JSON value");
      }
    } catch (StreamConstraintsException e) {
      throw new InvalidRequestException("request exceeds a size limit: " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request is not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidRequestException("request cannot be read: " + firstLine(e.getMessage()));
    }
    if (!root.isObject()) {
      throw new InvalidRequestException("request must be a JSON object with command and args, not "
          + RequestArgs.kind(root));
    }
    return (ObjectNode) root;
  }

  // Jackson's messages quote a window of the input; keep the sentence short and on one line.
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    String line = message.lines().findFirst().orElse("").trim();
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
