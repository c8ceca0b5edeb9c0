package org.calicomesos.app.wiring;

import jakarta.inject.Provider;
import java.util.Map;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;

/**
 * A {@link PluginApplication} that is a Dagger graph of {@link ProtocolEndpointsModule}'s endpoints: what the
 * plugin's component, the agent's warm-up's and the tests' share; each says how it closes.
 */
public interface EndpointGraph extends PluginApplication {
  /** Each protocol's endpoint, by the protocol's name; built when its first request comes. */
  Map<String, Provider<ProtocolEndpoint>> endpoints();

  ManagePoolsUseCase pools();

  @Override
  default ProtocolEndpoint endpoint(PluginProtocol protocol) {
    Provider<ProtocolEndpoint> endpoint = endpoints().get(protocol.name());
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint for the protocol " + protocol.name());
    }
    return endpoint.get();
  }

  @Override
  default void warmUp() {
    pools().list();
  }
}
