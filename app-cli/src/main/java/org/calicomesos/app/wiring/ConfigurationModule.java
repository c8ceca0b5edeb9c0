package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.adapters.consul.ConsulEnvironment;
import org.calicomesos.adapters.consul.ConsulRequestTimeout;
import org.calicomesos.adapters.etcd.EtcdEnvironment;
import org.calicomesos.adapters.etcd.EtcdRequestTimeout;
import org.calicomesos.adapters.sqlite.SqliteRequestTimeout;
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

  /**
   * Each datastore call, and the whole request, must finish within this ({@code CALICO_REQUEST_TIMEOUT}); each store
   * adapter names it with a qualifier of its own, as adapters share nothing but ports.
   */
  @Provides
  @SqliteRequestTimeout
  static Duration sqliteRequestTimeout(Configuration configuration) {
    return configuration.requestTimeout();
  }

  @Provides
  @EtcdRequestTimeout
  static Duration etcdRequestTimeout(Configuration configuration) {
    return configuration.requestTimeout();
  }

  @Provides
  @ConsulRequestTimeout
  static Duration consulRequestTimeout(Configuration configuration) {
    return configuration.requestTimeout();
  }

  /** The {@code ETCD_*} and {@code CONSUL_*} variables, for the chosen adapter's module to read. */
  @Provides
  @EtcdEnvironment
  static Map<String, String> etcdEnvironment(Configuration configuration) {
    return configuration.datastoreEnvironment();
  }

  @Provides
  @ConsulEnvironment
  static Map<String, String> consulEnvironment(Configuration configuration) {
    return configuration.datastoreEnvironment();
  }
}
