package org.calicomesos.ports.policy;

import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;

/**
 * {@code policy apply|delete|list|show}: the network policies in the datastore. Policies arrive validated (a
 * {@link NetworkPolicy} cannot hold an invalid field); each is one record, written by compare-and-swap.
 */
public interface ManagePoliciesUseCase {
  /** Creates or replaces each policy, in order; an equal record is left alone. */
  List<PolicyWrite> apply(List<NetworkPolicy> policies);

  /** @throws PolicyNotFoundException when there is no such policy */
  void delete(PolicyName name);

  /** Every policy record, by name; one that cannot be read is reported as such, the rest still listed. */
  List<StoredPolicy> list();

  /** @throws PolicyNotFoundException when there is no such policy */
  StoredPolicy show(PolicyName name);

  /**
   * The policies that apply to an endpoint with these labels (as recorded) and profiles, per direction in evaluation
   * order, with the labels selectors see (sanitized, plus one per tag of its profiles).
   */
  PolicySelection selectionFor(Map<String, String> labels, List<ProfileName> profiles);
}
