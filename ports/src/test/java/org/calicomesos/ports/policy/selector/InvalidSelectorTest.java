package org.calicomesos.ports.policy.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.Excerpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidSelectorTest {
  private static final String OPERATORS = "expected '==', '!=', 'in' or 'not in'";

  private static InvalidSelectorException failure(String selector) {
    InvalidSelectorException e = catchThrowableOfType(() -> Selector.parse(selector), InvalidSelectorException.class);
    assertThat(e).as("parse(%s) should fail", selector).isNotNull();
    return e;
  }

  @Test
  void the_message_quotes_the_selector_and_says_what_is_wrong_and_where() {
    assertThatThrownBy(() -> Selector.parse("app == web"))
        .isInstanceOf(InvalidSelectorException.class)
        .isInstanceOf(CalicoMesosException.class)
        .hasMessage("selector \"app == web\" is not valid: expected a quoted value after '==' but found 'web' "
            + "at character 8");
  }

  @Test
  void a_caller_can_name_the_field_that_held_the_selector() {
    InvalidSelectorException e = failure("app == web");
    assertThat(e.problem()).isEqualTo("expected a quoted value after '==' but found 'web' at character 8");
    assertThat(e.describe("spec.ingress[0].source.selector")).isEqualTo(
        "spec.ingress[0].source.selector \"app == web\" is not valid: " + e.problem());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "->", quoteCharacter = '`', value = {
      // unbalanced parentheses
      "(has(a)                  -> the '(' at character 1 has no closing ')'",
      "((has(a) && has(b))      -> the '(' at character 1 has no closing ')'",
      "has(a))                  -> ')' at character 7 has no matching '('",
      "(has(a) has(b))          -> expected ')', '&&' or '||' but found 'has' at character 9",
      "()                       -> expected a label key, 'has(', 'all()', '!' or '(' but found ')' at character 2",
      // missing quotes
      "app == \"web             -> the value at character 8 has no closing '\"'",
      "app in {'a', 'b}         -> the value at character 14 has no closing \"'\"",
      "app ==                   -> expected a quoted value after '==' at the end",
      "app != web'              -> expected a quoted value after '!=' but found 'web' at character 8",
      // unknown operators
      "app = 'x' -> unknown operator '=' after label 'app' at character 5, " + OPERATORS,
      "app > 1 -> unknown operator '>' after label 'app' at character 5, " + OPERATORS,
      "app contains 'x' -> unknown operator 'contains' after label 'app' at character 5, " + OPERATORS,
      "app                      -> expected '==', '!=', 'in' or 'not in' after label 'app' at the end",
      "app not 'x'              -> expected 'in' after 'not' but found ''' at character 9",
      "has(a) & has(b)          -> unexpected '&' after a complete expression at character 8",
      // bad keys
      "-app == 'x'              -> label key '-app' at character 1 must start with a letter or digit",
      "has(_x)                  -> label key '_x' at character 5 must start with a letter or digit",
      "app\u00e9 == 'x' -> unknown operator '?' after label 'app' at character 4, " + OPERATORS,
      "has()                    -> expected a label key after 'has(' but found ')' at character 5",
      "has(a b)                 -> expected ')' after 'has(a' but found 'b' at character 7",
      "all(x)                   -> expected ')' after 'all(' but found 'x' at character 5",
      // trailing garbage and dangling operators
      "has(a) has(b)            -> unexpected 'has' after a complete expression at character 8",
      "app == 'x' 'y'           -> unexpected ''' after a complete expression at character 12",
      "a == '\uD83D\uDE00' b   -> unexpected 'b' after a complete expression at character 10",
      "has(a) &&                -> expected a label key, 'has(', 'all()', '!' or '(' at the end",
      "has(a) && && has(b)      -> expected a label key, 'has(', 'all()', '!' or '(' but found '&&' at character 11",
      "|| has(a)                -> expected a label key, 'has(', 'all()', '!' or '(' but found '||' at character 1",
      "!                        -> expected a label key, 'has(', 'all()', '!' or '(' at the end",
      // sets
      "app in {'a', }           -> expected a quoted value in the set but found '}' at character 14",
      "app in {'a',,'b'}        -> expected a quoted value in the set but found ',' at character 13",
      "app in {,}               -> expected a quoted value in the set but found ',' at character 9",
      "app in {'a' 'b'}         -> expected ',' or '}' in the set but found ''' at character 13",
      "app in {'a'              -> the set at character 8 has no closing '}'",
      "app in 'a'               -> expected '{' after 'in' but found ''' at character 8",
      "app not in               -> expected '{' after 'not in' at the end",
  })
  void each_mistake_is_named_with_its_position(String selector, String problem) {
    InvalidSelectorException e = failure(selector);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.getMessage()).isEqualTo("selector \"" + Excerpt.of(selector) + "\" is not valid: " + problem);
  }

  @Test
  void over_long_input_and_keys_are_refused() {
    String longest = "has(a) || ".repeat(409) + "has(b)";
    assertThat(longest).hasSize(4096);
    assertThat(Selector.parse(longest).keys()).containsExactly("a", "b");
    InvalidSelectorException tooLong = failure(longest + " ");
    assertThat(tooLong.problem()).isEqualTo("it is longer than 4096 characters");
    assertThat(tooLong.getMessage()).startsWith("selector \"has(a) || has(a)").contains("...\" is not valid: ");

    assertThat(Selector.parse("has(" + "k".repeat(253) + ")").keys()).containsExactly("k".repeat(253));
    assertThat(failure("has(" + "k".repeat(254) + ")").problem())
        .isEqualTo("label key '" + "k".repeat(64) + "...' at character 5 is longer than 253 characters");
  }

  @Test
  void deep_nesting_is_refused_instead_of_overflowing_the_stack() {
    assertThat(Selector.parse("(".repeat(100) + "has(a)" + ")".repeat(100)).text()).isEqualTo("has(a)");
    assertThat(failure("(".repeat(2000) + "has(a)" + ")".repeat(2000)).problem())
        .isEqualTo("'!' and '(' nest deeper than 100 levels at character 101");
    assertThat(failure("!".repeat(4000) + "has(a)").problem()).startsWith("'!' and '(' nest deeper than 100 levels");
  }

  @ParameterizedTest
  @ValueSource(strings = {"app == 'x\n' && \u0007", "has(a)\n\u0000", "app\r\n== x", "\u202e has(a) ?"})
  void messages_hold_no_control_characters_and_stay_one_line(String selector) {
    String message = failure(selector).getMessage();
    assertThat(message).doesNotContainPattern("[\\p{Cntrl}\\u2028\\u2029\\u202e]");
    assertThat(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
  }

  @Test
  void a_missing_selector_is_a_programming_error_not_a_bad_selector() {
    assertThatThrownBy(() -> Selector.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
