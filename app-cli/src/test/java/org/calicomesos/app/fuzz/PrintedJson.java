package org.calicomesos.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads what a plugin printed as strictly as a caller may: valid UTF-8, one line, one JSON object, nothing after. */
final class PrintedJson {
  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private PrintedJson() {}

  static String text(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return fail("stdout is not UTF-8: " + e);
    }
  }

  /** The one object on the one line {@code body} holds. */
  static ObjectNode oneObject(byte[] body) {
    String text = text(body);
    assertThat(text).as("stdout").endsWith("\n").hasLineCount(1);
    JsonNode json;
    try {
      json = STRICT.readTree(text);
    } catch (IOException e) {
      return fail("stdout is not one JSON value: " + text + " (" + e.getMessage() + ")");
    }
    assertThat(json.isObject()).as("stdout is a JSON object: %s", text).isTrue();
    return (ObjectNode) json;
  }
}
