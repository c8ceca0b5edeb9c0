package org.calicomesos.app.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * Parses request bytes into a JSON tree within hard limits (size, nesting, string and number length, no duplicate
 * keys), so a hostile or broken request costs little. The tree is built straight from Jackson's streaming parser:
 * an {@code ObjectMapper} would cost ~80 ms of class loading per process for nothing a plugin needs.
 */
public final class BoundedJsonReader {
  public static final int MAX_DEPTH = 32;

  private final int maxBytes;
  private final JsonFactory factory;

  public BoundedJsonReader(int maxBytes) {
    this.maxBytes = maxBytes;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(maxBytes)
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(64 * 1024)
            .maxNumberLength(64)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * The one JSON value {@code request} holds.
   *
   * @param expected what the request should hold, for the sentence about an empty one ("a JSON object with …")
   * @throws InvalidRequestException naming what is wrong, in one sentence
   */
  public JsonNode read(byte[] request, String expected) {
    if (request.length > maxBytes) {
      throw new InvalidRequestException("request is larger than " + maxBytes + " bytes");
    }
    try (JsonParser parser = factory.createParser(request)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidRequestException("request is empty; expected " + expected);
      }
      JsonNode root = JsonTree.read(parser, first); // recursion bounded by the parser's MAX_DEPTH
      if (parser.nextToken() != null) {
        throw new InvalidRequestException("request is not valid JSON: more content follows the request's JSON value");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new InvalidRequestException("request exceeds a size limit: " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("request is not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidRequestException("request cannot be read: " + firstLine(e.getMessage()));
    }
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
