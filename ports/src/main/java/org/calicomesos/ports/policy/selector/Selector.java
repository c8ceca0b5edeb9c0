package org.calicomesos.ports.policy.selector;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Calico label selector, such as {@code app == "web" && has(tier)}, parsed as libcalico-go parses it. Two selectors
 * that differ only in spacing, quote style, redundant parentheses or the order of set members have the same
 * {@link #text()} and are equal.
 */
public final class Selector {
  /** {@code all()}: matches every set of labels. */
  public static final Selector ALL = new Selector(new Expression.All());

  private final Expression expression;
  private final String text;
  private final Set<String> keys;

  private Selector(Expression expression) {
    this.expression = expression;
    StringBuilder out = new StringBuilder();
    expression.render(out);
    this.text = out.toString();
    Set<String> mentioned = new TreeSet<>();
    expression.collectKeys(mentioned);
    this.keys = Collections.unmodifiableSet(mentioned);
  }

  /**
   * Parses Calico's selector syntax. A blank text means {@code all()}, as in Calico.
   *
   * @throws InvalidSelectorException if the text is not a selector, is longer than 4096 characters, or names a label
   *     key longer than 253 characters
   */
  public static Selector parse(String text) {
    Objects.requireNonNull(text, "text");
    Expression expression = SelectorParser.parse(text);
    return expression == null ? ALL : new Selector(expression);
  }

  /** Whether labels carrying these keys and values are selected. */
  public boolean matches(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    return expression.matches(labels);
  }

  /** The canonical form, which Calico parses to the same selector. */
  public String text() {
    return text;
  }

  /** True only for {@code all()} itself, not for selectors that happen to match everything. */
  public boolean matchesEverything() {
    return expression instanceof Expression.All;
  }

  /** Every label key the selector mentions, sorted. */
  public Set<String> keys() {
    return keys;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Selector selector && text.equals(selector.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
