package org.calicomesos.adapters.nftables;

import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.testkit.policy.PolicyDataplaneContract;

class NftablesPolicyDataplaneIT extends PolicyDataplaneContract {
  @Override
  protected PolicyDataplane dataplane(String table) {
    return NftablesPolicyDataplane.onPath(table);
  }
}
