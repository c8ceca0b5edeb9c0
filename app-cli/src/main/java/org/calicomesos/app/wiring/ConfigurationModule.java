package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Hands the parts of the {@link Configuration} to whoever needs them, by type. */
@Module
interface ConfigurationModule {
  @Provides
  static NodeName nodeName(Configuration configuration) {
    return configuration.nodeName();
  }

  @Provides
  static DatastoreKeys datastoreKeys(Configuration configuration) {
    return configuration.keys();
  }

  @Provides
  static IpamSettings ipamSettings(Configuration configuration) {
    return configuration.ipam();
  }

  /** Each datastore call, and the whole request, must finish within this ({@code CALICO_REQUEST_TIMEOUT}). */
  @Provides
  @Named("request.timeout")
  static Duration requestTimeout(Configuration configuration) {
    return configuration.requestTimeout();
  }

  /** The {@code ETCD_*} and {@code CONSUL_*} variables, for the chosen adapter's module to read. */
  @Provides
  @Named("datastore.environment")
  static Map<String, String> datastoreEnvironment(Configuration configuration) {
    return configuration.datastoreEnvironment();
  }
}
