package org.calicomesos.ports.policy.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorMatchTest {
  private static final Map<String, String> NONE = Map.of();
  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final Map<String, String> DB = Map.of("app", "db");
  private static final Map<String, String> EMPTY_VALUE = Map.of("app", "");

  private static boolean matches(String selector, Map<String, String> labels) {
    return Selector.parse(selector).matches(labels);
  }

  @Test
  void all_matches_everything_including_no_labels() {
    assertThat(matches("all()", NONE)).isTrue();
    assertThat(matches("all()", WEB)).isTrue();
    assertThat(matches("", NONE)).isTrue();
    assertThat(matches(" \t\n ", DB)).isTrue();
  }

  @Test
  void has_is_true_for_a_present_key_whatever_its_value() {
    assertThat(matches("has(app)", WEB)).isTrue();
    assertThat(matches("has(app)", EMPTY_VALUE)).isTrue();
    assertThat(matches("has(app)", NONE)).isFalse();
    assertThat(matches("has(tier)", WEB)).isFalse();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiterString = "->", quoteCharacter = '`', value = {
      "app == 'web'         -> web   -> true",
      "app == 'web'         -> db    -> false",
      "app == 'web'         -> empty -> false",
      "app == 'web'         -> none  -> false",
      "app == ''            -> empty -> true",
      "app == ''            -> none  -> false",
      "app != 'web'         -> web   -> false",
      "app != 'web'         -> db    -> true",
      "app != 'web'         -> none  -> true",
      "app != ''            -> empty -> false",
      "app in {'web','db'}  -> web   -> true",
      "app in {'web','db'}  -> db    -> true",
      "app in {'web'}       -> db    -> false",
      "app in {'web','db'}  -> none  -> false",
      "app in {}            -> web   -> false",
      "app in {}            -> none  -> false",
      "app not in {'web'}   -> web   -> false",
      "app not in {'web'}   -> db    -> true",
      "app not in {'web'}   -> none  -> true",
      "app not in {}        -> web   -> true",
      "app not in {}        -> none  -> true",
      "!has(app)            -> web   -> false",
      "!has(app)            -> none  -> true",
      "!app == 'web'        -> web   -> false",
      "!app == 'web'        -> none  -> true",
      "!!has(app)           -> web   -> true",
  })
  void each_operator_follows_calicos_truth_table_including_absent_keys(
      String selector, String labels, boolean expected) {
    Map<String, String> given = switch (labels) {
      case "web" -> WEB;
      case "db" -> DB;
      case "empty" -> EMPTY_VALUE;
      default -> NONE;
    };
    assertThat(matches(selector, given)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "a={0} b={1} c={2}")
  @CsvSource({"false,false,false", "false,false,true", "false,true,false", "false,true,true",
      "true,false,false", "true,false,true", "true,true,false", "true,true,true"})
  void and_binds_tighter_than_or_and_parentheses_override_it(boolean a, boolean b, boolean c) {
    Map<String, String> labels = new java.util.HashMap<>();
    if (a) {
      labels.put("a", "");
    }
    if (b) {
      labels.put("b", "");
    }
    if (c) {
      labels.put("c", "");
    }
    assertThat(matches("has(a) || has(b) && has(c)", labels)).isEqualTo(a || (b && c));
    assertThat(matches("has(a) && has(b) || has(c)", labels)).isEqualTo((a && b) || c);
    assertThat(matches("(has(a) || has(b)) && has(c)", labels)).isEqualTo((a || b) && c);
    assertThat(matches("!has(a) && has(b)", labels)).isEqualTo(!a && b);
    assertThat(matches("!(has(a) && has(b))", labels)).isEqualTo(!(a && b));
    assertThat(matches("!has(a) || !has(b) && has(c)", labels)).isEqualTo(!a || (!b && c));
    assertThat(matches("((has(a)) && (has(b) || !(has(c))))", labels)).isEqualTo(a && (b || !c));
  }

  @Test
  void nested_expressions_combine_comparisons() {
    String selector = "(app == 'web' || app == \"api\") && env in {'prod', 'staging'} && !has(canary)";
    assertThat(matches(selector, Map.of("app", "web", "env", "prod"))).isTrue();
    assertThat(matches(selector, Map.of("app", "api", "env", "staging"))).isTrue();
    assertThat(matches(selector, Map.of("app", "api", "env", "staging", "canary", "true"))).isFalse();
    assertThat(matches(selector, Map.of("app", "db", "env", "prod"))).isFalse();
    assertThat(matches(selector, Map.of("app", "web"))).isFalse();
  }

  @Test
  void values_are_compared_exactly_and_may_hold_any_character_but_their_quote() {
    assertThat(matches("app == 'Web'", WEB)).isFalse();
    assertThat(matches("app == ' web'", WEB)).isFalse();
    assertThat(matches("note == 'say \"hi\" && (go)'", Map.of("note", "say \"hi\" && (go)"))).isTrue();
    assertThat(matches("note == \"it's\"", Map.of("note", "it's"))).isTrue();
    assertThat(matches("note == 'héllo\u2603'", Map.of("note", "héllo\u2603"))).isTrue();
  }

  @Test
  void keys_may_carry_a_dns_prefix_and_the_allowed_punctuation() {
    assertThat(matches("example.com/app-name_v2 == 'x'", Map.of("example.com/app-name_v2", "x"))).isTrue();
    assertThat(matches("has(0abc)", Map.of("0abc", ""))).isTrue();
  }

  @Test
  void words_that_are_keywords_elsewhere_can_be_label_keys() {
    assertThat(matches("in == 'x'", Map.of("in", "x"))).isTrue();
    assertThat(matches("not in {'x'}", Map.of("not", "x"))).isTrue();
    assertThat(matches("not not in {'x'}", Map.of("not", "y"))).isTrue();
    assertThat(matches("has == 'x' && all != 'y'", Map.of("has", "x", "all", "z"))).isTrue();
    assertThat(matches("has(has)", Map.of("has", ""))).isTrue();
  }
}
