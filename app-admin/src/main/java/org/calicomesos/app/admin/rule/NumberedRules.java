package org.calicomesos.app.admin.rule;

import java.io.PrintStream;
import java.util.List;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * One direction's rules, numbered from 1 as {@code profile rule add|remove --at} counts them, one per line:
 * <pre>
 * inbound rules:
 *   1  allow from tag prod
 * </pre>
 */
public final class NumberedRules {
  private NumberedRules() {}

  public static void print(String title, List<Rule> rules, PrintStream out) {
    out.println(title + ":" + (rules.isEmpty() ? " none" : ""));
    int width = Integer.toString(rules.size()).length();
    for (int i = 0; i < rules.size(); i++) {
      String number = Integer.toString(i + 1);
      out.println("  " + " ".repeat(width - number.length()) + number + "  " + RuleText.of(rules.get(i)));
    }
  }
}
