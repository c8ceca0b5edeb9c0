package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
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
}
