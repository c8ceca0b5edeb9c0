package org.calicomesos.ports.policy.rule;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * A network policy as Calico's {@code GlobalNetworkPolicy} has it: it applies to the endpoints (on any host) whose
 * labels its {@code selector} matches, in the directions of its {@code types}, with its ingress rules (traffic to
 * them) and egress rules (traffic from them), each list in order. Policies are evaluated by ascending {@code order},
 * a policy without one last, and then by name ({@link #EVALUATION_ORDER}).
 */
public record NetworkPolicy(PolicyName name, OptionalDouble order, Selector selector, Set<PolicyType> types,
    List<Rule> ingress, List<Rule> egress) {
  public static final Comparator<NetworkPolicy> EVALUATION_ORDER = Comparator
      .<NetworkPolicy>comparingDouble(policy -> policy.order().orElse(Double.POSITIVE_INFINITY))
      .thenComparing(policy -> policy.name().value());

  public NetworkPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(selector, "selector");
    types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
    if (order.isPresent() && !Double.isFinite(order.getAsDouble())) {
      throw new InvalidPolicyException("spec.order", "must be a finite number");
    }
    if (types.isEmpty()) {
      throw new InvalidPolicyException("spec.types", "must name Ingress, Egress or both");
    }
    if (!ingress.isEmpty() && !types.contains(PolicyType.INGRESS)) {
      throw new InvalidPolicyException("spec.ingress", "is given, but spec.types does not name Ingress");
    }
    if (!egress.isEmpty() && !types.contains(PolicyType.EGRESS)) {
      throw new InvalidPolicyException("spec.egress", "is given, but spec.types does not name Egress");
    }
  }

  /** Calico's default when {@code types} is not given: Ingress, and Egress too if there are egress rules. */
  public static Set<PolicyType> defaultTypes(List<Rule> egress) {
    return egress.isEmpty() ? Set.of(PolicyType.INGRESS) : Set.of(PolicyType.INGRESS, PolicyType.EGRESS);
  }

  public boolean appliesTo(PolicyType type) {
    return types.contains(type);
  }

  /** The rules of one direction. */
  public List<Rule> rules(PolicyType type) {
    return type == PolicyType.INGRESS ? ingress : egress;
  }
}
