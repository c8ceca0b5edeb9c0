package org.calicomesos.adapters.nftables;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.policy.PolicyDataplane;

/** Offers the nftables policy dataplane, enforcing into {@code table inet calico_mesos}. */
@Module
public final class NftablesPolicyModule {
  private NftablesPolicyModule() {}

  @Provides
  public static PolicyDataplane nftablesPolicyDataplane() {
    return NftablesPolicyDataplane.onPath(NftablesPolicyDataplane.DEFAULT_TABLE);
  }
}
