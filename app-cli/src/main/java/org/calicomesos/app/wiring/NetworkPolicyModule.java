package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.core.endpoint.EndpointLabelService;
import org.calicomesos.core.networkpolicy.NetworkPolicyService;
import org.calicomesos.core.profile.ProfileRulesService;
import org.calicomesos.ports.endpoint.LabelEndpointUseCase;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.ManageProfileRulesUseCase;

/** Binds the admin CLI's policy, profile-rule and endpoint-label editing to core's services: store only, no kernel. */
@Module
interface NetworkPolicyModule {
  @Binds
  ManagePoliciesUseCase policies(NetworkPolicyService service);

  @Binds
  ManageProfileRulesUseCase profileRules(ProfileRulesService service);

  @Binds
  LabelEndpointUseCase endpointLabels(EndpointLabelService service);
}
