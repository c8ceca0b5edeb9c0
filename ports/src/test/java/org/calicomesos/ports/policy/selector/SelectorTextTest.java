package org.calicomesos.ports.policy.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorTextTest {

  @Test
  void spacing_quotes_and_redundant_parentheses_do_not_change_the_canonical_text() {
    Selector compact = Selector.parse("app=='web'&&has( tier )");
    Selector spaced = Selector.parse(" app == \"web\" && has(tier) ");
    assertThat(compact.text()).isEqualTo("app == \"web\" && has(tier)").isEqualTo(spaced.text());
    assertThat(compact).isEqualTo(spaced).hasSameHashCodeAs(spaced);
    assertThat(compact.toString()).isEqualTo(compact.text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "->", quoteCharacter = '`', value = {
      "((app == 'web'))                          -> app == \"web\"",
      "has(a) && (has(b) && has(c))              -> has(a) && has(b) && has(c)",
      "(has(a) && has(b)) && has(c)              -> has(a) && has(b) && has(c)",
      "has(a) || (has(b) || has(c))              -> has(a) || has(b) || has(c)",
      "has(a) || has(b) && has(c)                -> has(a) || has(b) && has(c)",
      "has(a) || (has(b) && has(c))              -> has(a) || has(b) && has(c)",
      "(has(a) || has(b)) && has(c)              -> (has(a) || has(b)) && has(c)",
      "!(has(a))                                 -> !has(a)",
      "!(has(a) && has(b))                       -> !(has(a) && has(b))",
      "!(app == 'x')                             -> !app == \"x\"",
      "! ! has(a)                                -> !!has(a)",
      "app!='x'                                  -> app != \"x\"",
      "app in{'b','a','b'}                       -> app in {\"a\", \"b\"}",
      "app not   in { }                          -> app not in {}",
      "note == '\"quoted\"'                      -> note == '\"quoted\"'",
      "all( )                                    -> all()",
      "has (x)                                   -> has(x)",
  })
  void canonical_text_uses_double_quotes_sorted_sets_and_only_needed_parentheses(String given, String canonical) {
    assertThat(Selector.parse(given).text()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "all()",
      "has(a) || has(b) && !(has(c) || x in {'1', '2'}) && y not in {}",
      "!(a == 'x' || b != \"y\") && (c in {'z'} || !has(d))",
      "k == 'say \"hi\"' || k == \"it's\"",
  })
  void canonical_text_parses_back_to_itself(String given) {
    String canonical = Selector.parse(given).text();
    assertThat(Selector.parse(canonical).text()).isEqualTo(canonical);
  }

  @Test
  void set_members_are_sorted_and_deduplicated_so_their_order_does_not_matter() {
    assertThat(Selector.parse("env in {'prod', 'dev', 'prod', 'Staging'}").text())
        .isEqualTo("env in {\"Staging\", \"dev\", \"prod\"}");
    assertThat(Selector.parse("env in {'b', 'a'}")).isEqualTo(Selector.parse("env in {\"a\", 'b'}"));
  }

  @Test
  void different_selectors_differ() {
    assertThat(Selector.parse("has(a) && has(b)")).isNotEqualTo(Selector.parse("has(a) || has(b)"));
    assertThat(Selector.parse("a == 'x'")).isNotEqualTo(Selector.parse("a != 'x'"));
    assertThat(Selector.parse("a in {'x'}")).isNotEqualTo(Selector.parse("a not in {'x'}"));
    assertThat(Selector.parse("(has(a) || has(b)) && has(c)"))
        .isNotEqualTo(Selector.parse("has(a) || has(b) && has(c)"));
  }

  @Test
  void blank_text_is_all_and_only_all_matches_everything() {
    assertThat(Selector.parse("")).isEqualTo(Selector.ALL);
    assertThat(Selector.parse("  \t")).isEqualTo(Selector.ALL);
    assertThat(Selector.parse(" all() ")).isEqualTo(Selector.ALL);
    assertThat(Selector.ALL.text()).isEqualTo("all()");
    assertThat(Selector.ALL.matchesEverything()).isTrue();
    assertThat(Selector.parse("all()").matchesEverything()).isTrue();
    assertThat(Selector.parse("all() || has(a)").matchesEverything()).isFalse();
    assertThat(Selector.parse("!has(a) || has(a)").matchesEverything()).isFalse();
    assertThat(Selector.parse("!all()").matchesEverything()).isFalse();
  }

  @Test
  void keys_lists_every_label_key_mentioned_once() {
    assertThat(Selector.parse("b == 'x' || !has(a) && (c in {} || b not in {'y'}) && d != 'z'").keys())
        .containsExactly("a", "b", "c", "d");
    assertThat(Selector.ALL.keys()).isEmpty();
    assertThat(Selector.parse("example.com/app == 'x'").keys()).isEqualTo(Set.of("example.com/app"));
  }
}
