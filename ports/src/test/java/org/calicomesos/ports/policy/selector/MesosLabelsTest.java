package org.calicomesos.ports.policy.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MesosLabelsTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiterString = "->", quoteCharacter = '`', emptyValue = "", value = {
      "Foo Bar/baz      -> Foo-Bar.baz",
      "--a..b--         -> a.b",
      "a.-.-b           -> a.b",
      "héllo            -> h-llo",
      "a_b              -> a_b",
      "a   b            -> a-b",
      "a--b             -> a--b",
      "a-/-b            -> a.b",
      "com.example/tier -> com.example.tier",
      "__x__            -> __x__",
      "\u2603\u2603x    -> x",
      "x\uD83D\uDE00y   -> x-y",
      "ÄÖÜ              -> ``",
      "///              -> ``",
      "``               -> ``",
  })
  void sanitizing_follows_calicos_cni_rule(String mesos, String calico) {
    assertThat(MesosLabels.sanitize(mesos)).isEqualTo(calico);
  }

  @Test
  void keys_and_values_are_both_sanitized_and_selectors_see_the_result() {
    Map<String, String> labels =
        MesosLabels.sanitized(Map.of("com.example/App Name", "Web Server", "tier", "front/end"));
    assertThat(labels).containsExactly(Map.entry("com.example.App-Name", "Web-Server"), Map.entry("tier", "front.end"));
    assertThat(Selector.parse("com.example.App-Name == 'Web-Server' && tier == 'front.end'").matches(labels)).isTrue();
  }

  @Test
  void when_keys_collide_the_original_key_that_sorts_first_wins_whatever_the_map_order() {
    Map<String, String> oneOrder = new LinkedHashMap<>();
    oneOrder.put("a/b", "slash");
    oneOrder.put("a b", "space");
    oneOrder.put("a.b", "dot");
    Map<String, String> otherOrder = new LinkedHashMap<>();
    otherOrder.put("a.b", "dot");
    otherOrder.put("a b", "space");
    otherOrder.put("a/b", "slash");
    // "a b" < "a.b" < "a/b", but only "a.b" and "a/b" sanitize to "a.b"; "a b" becomes "a-b".
    assertThat(MesosLabels.sanitized(oneOrder)).isEqualTo(Map.of("a-b", "space", "a.b", "dot"));
    assertThat(MesosLabels.sanitized(otherOrder)).isEqualTo(MesosLabels.sanitized(oneOrder));
    assertThat(MesosLabels.sanitized(Map.of("x y", "1", "x-y", "2", "x\ty", "3"))).isEqualTo(Map.of("x-y", "3"));
  }

  @Test
  void keys_that_sanitize_to_nothing_are_dropped_but_empty_values_are_kept() {
    assertThat(MesosLabels.sanitized(Map.of("///", "x", "k", "\u2603", "e", ""))).isEqualTo(Map.of("k", "", "e", ""));
  }
}
