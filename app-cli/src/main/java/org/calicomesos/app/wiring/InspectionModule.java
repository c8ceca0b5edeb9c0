package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.core.endpoint.ListEndpointsService;
import org.calicomesos.core.node.NodeStatusService;
import org.calicomesos.core.profile.ShowProfilesService;
import org.calicomesos.ports.endpoint.ListEndpointsUseCase;
import org.calicomesos.ports.node.ShowNodeUseCase;
import org.calicomesos.ports.policy.ShowProfilesUseCase;

/** Binds the read-only inspection use cases (endpoints, profiles, this node) to core's services: store only, no kernel. */
@Module
interface InspectionModule {
  @Binds
  ListEndpointsUseCase endpoints(ListEndpointsService service);

  @Binds
  ShowProfilesUseCase profiles(ShowProfilesService service);

  @Binds
  ShowNodeUseCase nodeStatus(NodeStatusService service);
}
