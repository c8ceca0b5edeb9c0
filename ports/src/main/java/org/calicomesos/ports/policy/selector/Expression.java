package org.calicomesos.ports.policy.selector;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed selector: what it matches and how it is written canonically. Canonical text puts parentheses only where
 * precedence needs them, so {@link #precedence()} tells a parent whether to wrap its child.
 */
sealed interface Expression {
  int OR = 1;
  int AND = 2;
  int UNARY = 3;

  boolean matches(Map<String, String> labels);

  void render(StringBuilder out);

  int precedence();

  void collectKeys(Set<String> keys);

  /** {@code all()}. */
  record All() implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return true;
    }

    @Override
    public void render(StringBuilder out) {
      out.append("all()");
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {}
  }

  /** {@code has(key)}: the key is present, whatever its value (even ""). */
  record Has(String key) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return labels.containsKey(key);
    }

    @Override
    public void render(StringBuilder out) {
      out.append("has(").append(key).append(')');
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      keys.add(key);
    }
  }

  /** {@code key == "value"}: false when the key is absent. */
  record Equal(String key, String value) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return value.equals(labels.get(key));
    }

    @Override
    public void render(StringBuilder out) {
      out.append(key).append(" == ");
      quote(value, out);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      keys.add(key);
    }
  }

  /** {@code key != "value"}: true when the key is absent. */
  record NotEqual(String key, String value) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return !value.equals(labels.get(key));
    }

    @Override
    public void render(StringBuilder out) {
      out.append(key).append(" != ");
      quote(value, out);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      keys.add(key);
    }
  }

  /** {@code key in {...}}: false when the key is absent. Values are sorted and distinct, so the text is canonical. */
  record In(String key, List<String> values) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      String actual = labels.get(key);
      return actual != null && values.contains(actual);
    }

    @Override
    public void render(StringBuilder out) {
      out.append(key).append(" in ");
      set(values, out);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      keys.add(key);
    }
  }

  /** {@code key not in {...}}: true when the key is absent. Values are sorted and distinct. */
  record NotIn(String key, List<String> values) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      String actual = labels.get(key);
      return actual == null || !values.contains(actual);
    }

    @Override
    public void render(StringBuilder out) {
      out.append(key).append(" not in ");
      set(values, out);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      keys.add(key);
    }
  }

  /** {@code !operand}. */
  record Not(Expression operand) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return !operand.matches(labels);
    }

    @Override
    public void render(StringBuilder out) {
      out.append('!');
      child(operand, UNARY, out);
    }

    @Override
    public int precedence() {
      return UNARY;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      operand.collectKeys(keys);
    }
  }

  /** {@code a && b && ...}, flat: no operand is itself an {@code And}, so regrouping does not change the text. */
  record And(List<Expression> operands) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return operands.stream().allMatch(operand -> operand.matches(labels));
    }

    @Override
    public void render(StringBuilder out) {
      join(operands, " && ", AND, out);
    }

    @Override
    public int precedence() {
      return AND;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      operands.forEach(operand -> operand.collectKeys(keys));
    }
  }

  /** {@code a || b || ...}, flat: no operand is itself an {@code Or}. */
  record Or(List<Expression> operands) implements Expression {
    @Override
    public boolean matches(Map<String, String> labels) {
      return operands.stream().anyMatch(operand -> operand.matches(labels));
    }

    @Override
    public void render(StringBuilder out) {
      join(operands, " || ", OR, out);
    }

    @Override
    public int precedence() {
      return OR;
    }

    @Override
    public void collectKeys(Set<String> keys) {
      operands.forEach(operand -> operand.collectKeys(keys));
    }
  }

  private static void join(List<Expression> operands, String operator, int precedence, StringBuilder out) {
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(operator);
      }
      child(operands.get(i), precedence, out);
    }
  }

  private static void child(Expression child, int parentPrecedence, StringBuilder out) {
    boolean wrap = child.precedence() < parentPrecedence;
    if (wrap) {
      out.append('(');
    }
    child.render(out);
    if (wrap) {
      out.append(')');
    }
  }

  private static void set(List<String> values, StringBuilder out) {
    out.append('{');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      quote(values.get(i), out);
    }
    out.append('}');
  }

  // No escapes exist, so a value holding '"' can only be written in single quotes (it cannot hold both).
  private static void quote(String value, StringBuilder out) {
    char quote = value.indexOf('"') >= 0 ? '\'' : '"';
    out.append(quote).append(value).append(quote);
  }
}
