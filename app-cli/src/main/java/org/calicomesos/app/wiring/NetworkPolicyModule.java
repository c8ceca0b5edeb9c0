package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.core.networkpolicy.NetworkPolicyService;
import org.calicomesos.core.profile.ProfileRulesService;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.ManageProfileRulesUseCase;

/** Binds the admin CLI's policy and profile-rule editing to core's services: store only, no kernel. */
@Module
interface NetworkPolicyModule {
  @Binds
  ManagePoliciesUseCase policies(NetworkPolicyService service);

  @Binds
  ManageProfileRulesUseCase profileRules(ProfileRulesService service);
}
