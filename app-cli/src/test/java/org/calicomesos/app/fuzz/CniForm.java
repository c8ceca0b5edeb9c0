package org.calicomesos.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.calicomesos.app.pipeline.PluginResponse;

/**
 * The CNI answer as docs/cni-protocol.md gives it: on success nothing (DEL, CHECK, GC, STATUS) or one object with
 * its {@code cniVersion} (a result, VERSION's list), exit status 0; on failure one error object with exactly
 * {@code cniVersion}, {@code code} and {@code msg}, exit status 1. Code 999 (an unexpected failure) counts as a
 * crash.
 */
final class CniForm {
  private static final Set<String> VERSIONS = Set.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");
  private static final Set<Integer> CODES = Set.of(1, 4, 6, 7, 11, 50, 100, 101, 102, 103, 104, 105, 110, 120);

  private CniForm() {}

  /** @return what the answer was, for the statistics: {@code ok}, {@code ok with a result} or {@code code N} */
  static String check(PluginResponse response) {
    if (response.success()) {
      assertThat(response.exitStatus()).isZero();
      if (PrintedJson.text(response.body()).isEmpty()) {
        return "ok";
      }
      ObjectNode json = PrintedJson.oneObject(response.body());
      assertThat(json.path("cniVersion").asText()).as("cniVersion of %s", json).isIn(VERSIONS);
      return "ok with a result";
    }
    assertThat(response.exitStatus()).isEqualTo(1);
    ObjectNode json = PrintedJson.oneObject(response.body());
    assertThat(json.properties()).extracting(Map.Entry::getKey).as("fields of %s", json)
        .containsExactlyInAnyOrder("cniVersion", "code", "msg");
    assertThat(json.get("cniVersion").asText()).as("cniVersion of %s", json).isIn(VERSIONS);
    assertThat(json.get("code").isInt()).as("code of %s", json).isTrue();
    assertThat(json.get("code").intValue()).as("code of %s", json).isIn(CODES);
    // As UTF-8 prints it: a lone surrogate quoted from the input (Jackson's "Unexpected character") becomes '?'.
    String printedError = new String(response.error().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(json.get("msg").textValue()).as("msg of %s", json).isNotBlank().hasSizeLessThanOrEqualTo(1000)
        .isEqualTo(printedError);
    return "code " + json.get("code").intValue();
  }
}
