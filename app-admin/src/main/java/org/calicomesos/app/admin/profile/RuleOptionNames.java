package org.calicomesos.app.admin.profile;

import java.util.Map;
import java.util.function.Supplier;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;

/**
 * A rule's field as the option or parameter that gave it ({@code source.ports} is {@code --from-ports}), so an error
 * found by the rule model or by core names what the operator typed.
 */
final class RuleOptionNames {
  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("action", "ACTION"),
      Map.entry("position", "--at"),
      Map.entry("protocol", "--protocol"),
      Map.entry("icmp", "--icmp-type"),
      Map.entry("icmp.type", "--icmp-type"),
      Map.entry("icmp.code", "--icmp-code"),
      Map.entry("source.nets", "--from-net"),
      Map.entry("source.ports", "--from-ports"),
      Map.entry("source.notPorts", "--not-from-ports"),
      Map.entry("destination.nets", "--to-net"),
      Map.entry("destination.ports", "--to-ports"),
      Map.entry("destination.notPorts", "--not-to-ports"));

  private RuleOptionNames() {}

  static String of(String field) {
    return OPTIONS.getOrDefault(field, field);
  }

  /** Runs a use case, its refusal of a rule or a position worded for the command line. */
  static <T> T refusalsReworded(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidPolicyException e) {
      throw reworded(e);
    }
  }

  /** The refusal, worded for the command line. */
  static CalicoMesosException reworded(InvalidPolicyException e) {
    return new InvalidPolicyException(of(e.field()), e.problem());
  }
}
