package org.calicomesos.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.calicomesos.app.pipeline.PluginResponse;

/**
 * The net-modules answer as docs/net-modules-protocol.md gives it: {@code {"error":null}}, allocate's
 * {@code {"ipv4":[..],"ipv6":[..],"error":null}}, or {@code {"error":"<sentence>"}}: one line of ASCII, the sentence
 * at most 1,000 characters, exit status 0 or 1 to match.
 */
final class NetModulesForm {
  private NetModulesForm() {}

  /** @return what the answer was, for the statistics: {@code ok}, {@code ok with addresses} or {@code error} */
  static String check(PluginResponse response) {
    ObjectNode json = PrintedJson.oneObject(response.body());
    assertThat(json.has("error")).as("has error: %s", json).isTrue();
    if (response.success()) {
      assertThat(response.exitStatus()).isZero();
      assertThat(json.get("error").isNull()).as("success has error null: %s", json).isTrue();
      if (json.size() == 1) {
        return "ok";
      }
      assertThat(json.properties()).extracting(Map.Entry::getKey).as("fields of %s", json)
          .containsExactlyInAnyOrder("ipv4", "ipv6", "error");
      assertAddressList(json.get("ipv4"));
      assertAddressList(json.get("ipv6"));
      return "ok with addresses";
    }
    assertThat(response.exitStatus()).isEqualTo(1);
    assertThat(json.size()).as("an error has only error: %s", json).isEqualTo(1);
    String sentence = json.get("error").textValue();
    assertThat(sentence).as("the error sentence of %s", json).isNotBlank().hasSizeLessThanOrEqualTo(1000)
        .isEqualTo(response.error()).doesNotStartWith("internal error");
    assertThat(PrintedJson.text(response.body()).chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n'))
        .as("the error is printed in ASCII: %s", json).isTrue();
    return "error";
  }

  private static void assertAddressList(JsonNode list) {
    assertThat(list).isNotNull();
    assertThat(list.isArray()).isTrue();
    list.forEach(address -> assertThat(address.isTextual()).isTrue());
  }
}
