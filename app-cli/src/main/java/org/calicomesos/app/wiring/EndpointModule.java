package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.core.endpoint.CleanupService;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;
import org.calicomesos.ports.endpoint.IsolateContainerUseCase;

/** Binds isolate and cleanup to core's services. */
@Module
interface EndpointModule {
  @Binds
  IsolateContainerUseCase isolate(IsolateService service);

  @Binds
  CleanupContainerUseCase cleanup(CleanupService service);

  @Provides
  static EndpointSettings endpointSettings(Configuration configuration) {
    return configuration.endpoints();
  }
}
