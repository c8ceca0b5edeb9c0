package org.calicomesos.ports.policy.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.calicomesos.ports.model.Excerpt;

/**
 * Recursive descent over Calico's selector grammar: {@code or := and ('||' and)*}, {@code and := unary ('&&' unary)*},
 * {@code unary := '!' unary | '(' or ')' | all() | has(key) | key op}. Positions in messages count characters from 1.
 */
final class SelectorParser {
  static final int MAX_LENGTH = 4096;
  static final int MAX_KEY_LENGTH = 253;
  // Bounds the recursion: 4096 characters of '(' or '!' must not overflow the stack.
  static final int MAX_DEPTH = 100;

  private static final String OPERATORS = "'==', '!=', 'in' or 'not in'";
  private static final String TERMS = "a label key, 'has(', 'all()', '!' or '('";

  private final String source;
  private final int[] text;
  private int pos;
  private int depth;

  private SelectorParser(String source) {
    this.source = source;
    this.text = source.codePoints().toArray();
  }

  /** The expression, or {@code null} when the text is blank (Calico reads that as {@code all()}). */
  static Expression parse(String source) {
    if (source.length() > MAX_LENGTH) {
      throw new InvalidSelectorException(source, "it is longer than " + MAX_LENGTH + " characters");
    }
    SelectorParser parser = new SelectorParser(source);
    parser.skipSpace();
    if (parser.atEnd()) {
      return null;
    }
    Expression expression = parser.or();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.peek() == ')'
          ? parser.fail("')' " + parser.here() + " has no matching '('")
          : parser.fail("unexpected " + parser.found() + " after a complete expression " + parser.here());
    }
    return expression;
  }

  private Expression or() {
    List<Expression> operands = new ArrayList<>();
    flatten(and(), Expression.Or.class, operands);
    while (skipSpace() && lookingAt("||")) {
      pos += 2;
      flatten(and(), Expression.Or.class, operands);
    }
    return operands.size() == 1 ? operands.get(0) : new Expression.Or(List.copyOf(operands));
  }

  private Expression and() {
    List<Expression> operands = new ArrayList<>();
    flatten(unary(), Expression.And.class, operands);
    while (skipSpace() && lookingAt("&&")) {
      pos += 2;
      flatten(unary(), Expression.And.class, operands);
    }
    return operands.size() == 1 ? operands.get(0) : new Expression.And(List.copyOf(operands));
  }

  // "(a && b) && c" and "a && (b && c)" are one conjunction; flattening makes their canonical text the same.
  private static void flatten(Expression operand, Class<? extends Expression> kind, List<Expression> into) {
    if (operand instanceof Expression.And and && kind == Expression.And.class) {
      into.addAll(and.operands());
    } else if (operand instanceof Expression.Or or && kind == Expression.Or.class) {
      into.addAll(or.operands());
    } else {
      into.add(operand);
    }
  }

  private Expression unary() {
    skipSpace();
    if (atEnd()) {
      throw fail("expected " + TERMS + " at the end");
    }
    int start = pos;
    if (peek() == '!' && !lookingAt("!=")) {
      enter();
      pos++;
      Expression operand = unary();
      depth--;
      return new Expression.Not(operand);
    }
    if (peek() == '(') {
      enter();
      pos++;
      Expression inner = or();
      skipSpace();
      if (atEnd()) {
        throw fail("the '(' at character " + (start + 1) + " has no closing ')'");
      }
      if (peek() != ')') {
        throw fail("expected ')', '&&' or '||' but found " + found() + " " + here());
      }
      pos++;
      depth--;
      return inner;
    }
    if (!isKeyCharacter(peek())) {
      throw fail("expected " + TERMS + " but found " + found() + " " + here());
    }
    String word = word();
    if (word.equals("all") && skipSpace() && peekIs('(')) {
      pos++;
      skipSpace();
      expect(')', "after 'all('");
      return new Expression.All();
    }
    if (word.equals("has") && skipSpace() && peekIs('(')) {
      pos++;
      skipSpace();
      if (atEnd() || !isKeyCharacter(peek())) {
        throw fail("expected a label key after 'has(' " + hereOrEnd());
      }
      int keyStart = pos;
      String key = key(word(), keyStart);
      skipSpace();
      expect(')', "after 'has(" + Excerpt.of(key) + "'");
      return new Expression.Has(key);
    }
    return comparison(key(word, start));
  }

  private Expression comparison(String key) {
    skipSpace();
    String after = "after label '" + Excerpt.of(key) + "'";
    if (atEnd()) {
      throw fail("expected " + OPERATORS + " " + after + " at the end");
    }
    if (lookingAt("==")) {
      pos += 2;
      return new Expression.Equal(key, value("after '=='"));
    }
    if (lookingAt("!=")) {
      pos += 2;
      return new Expression.NotEqual(key, value("after '!='"));
    }
    int start = pos;
    String operator = isKeyCharacter(peek()) ? word() : "";
    if (operator.equals("in")) {
      return new Expression.In(key, set("after 'in'"));
    }
    if (operator.equals("not")) {
      skipSpace();
      int in = pos;
      if (!atEnd() && isKeyCharacter(peek()) && word().equals("in")) {
        return new Expression.NotIn(key, set("after 'not in'"));
      }
      pos = in;
      throw fail("expected 'in' after 'not' " + hereOrEnd());
    }
    pos = start;
    throw fail("unknown operator " + found() + " " + after + " " + here() + ", expected " + OPERATORS);
  }

  private String value(String context) {
    skipSpace();
    if (atEnd() || !isQuote(peek())) {
      throw fail("expected a quoted value " + context + " " + hereOrEnd());
    }
    int quote = peek();
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (!atEnd() && peek() != quote) {
      value.appendCodePoint(text[pos++]);
    }
    if (atEnd()) {
      String mark = quote == '"' ? "'\"'" : "\"'\"";
      throw new InvalidSelectorException(
          source, "the value at character " + (start + 1) + " has no closing " + mark);
    }
    pos++;
    return value.toString();
  }

  // Sorted and distinct, so that member order and repetition do not change the canonical text.
  private List<String> set(String context) {
    skipSpace();
    int open = pos;
    expect('{', context);
    TreeSet<String> values = new TreeSet<>();
    skipSpace();
    if (peekIs('}')) {
      pos++;
      return List.of();
    }
    while (true) {
      values.add(value("in the set"));
      skipSpace();
      if (atEnd()) {
        throw fail("the set at character " + (open + 1) + " has no closing '}'");
      }
      if (peek() == '}') {
        pos++;
        return List.copyOf(values);
      }
      if (peek() != ',') {
        throw fail("expected ',' or '}' in the set but found " + found() + " " + here());
      }
      pos++;
    }
  }

  private String key(String word, int start) {
    if (!isAsciiLetterOrDigit(word.codePointAt(0))) {
      throw new InvalidSelectorException(source, "label key '" + Excerpt.of(word) + "' at character " + (start + 1)
          + " must start with a letter or digit");
    }
    if (word.length() > MAX_KEY_LENGTH) {
      throw new InvalidSelectorException(source, "label key '" + Excerpt.of(word) + "' at character " + (start + 1)
          + " is longer than " + MAX_KEY_LENGTH + " characters");
    }
    return word;
  }

  private String word() {
    int start = pos;
    while (!atEnd() && isKeyCharacter(peek())) {
      pos++;
    }
    return new String(text, start, pos - start);
  }

  private void expect(int wanted, String context) {
    if (atEnd()) {
      throw fail("expected '" + Character.toString(wanted) + "' " + context + " at the end");
    }
    if (peek() != wanted) {
      throw fail("expected '" + Character.toString(wanted) + "' " + context + " but found " + found() + " " + here());
    }
    pos++;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw fail("'!' and '(' nest deeper than " + MAX_DEPTH + " levels " + here());
    }
  }

  /** The token here, quoted and excerpted for a message: a word, a run of symbols, or one character. */
  private String found() {
    int end = pos;
    if (isKeyCharacter(peek())) {
      while (end < text.length && isKeyCharacter(text[end])) {
        end++;
      }
    } else if (isSymbol(peek())) {
      while (end < text.length && isSymbol(text[end])) {
        end++;
      }
    } else {
      end++;
    }
    return "'" + Excerpt.of(new String(text, pos, end - pos)) + "'";
  }

  private String here() {
    return "at character " + (pos + 1);
  }

  private String hereOrEnd() {
    return atEnd() ? "at the end" : "but found " + found() + " " + here();
  }

  private InvalidSelectorException fail(String problem) {
    return new InvalidSelectorException(source, problem);
  }

  /** Skips whitespace; always true, so it can lead a condition. */
  private boolean skipSpace() {
    while (!atEnd() && isSpace(peek())) {
      pos++;
    }
    return true;
  }

  private boolean lookingAt(String token) {
    if (pos + token.length() > text.length) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (text[pos + i] != token.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean atEnd() {
    return pos >= text.length;
  }

  private int peek() {
    return text[pos];
  }

  private boolean peekIs(int c) {
    return !atEnd() && peek() == c;
  }

  // The whitespace of Go's regexp \s, which Calico's tokenizer skips.
  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isKeyCharacter(int c) {
    return isAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isQuote(int c) {
    return c == '"' || c == '\'';
  }

  private static boolean isSymbol(int c) {
    return "=!<>~&|^%*+:;?@#$".indexOf(c) >= 0;
  }
}
