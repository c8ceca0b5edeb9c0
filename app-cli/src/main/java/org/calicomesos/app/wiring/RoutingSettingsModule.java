package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.core.routing.RoutingSettingsService;
import org.calicomesos.ports.routing.ConfigureRoutingUseCase;

/** Binds the operator's routing settings ({@code route-mode}, {@code bgp}) to core's service: store only. */
@Module
interface RoutingSettingsModule {
  @Binds
  ConfigureRoutingUseCase routing(RoutingSettingsService service);
}
