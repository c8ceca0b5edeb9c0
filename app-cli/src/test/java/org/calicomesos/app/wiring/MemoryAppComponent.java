package org.calicomesos.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.netmodules.NetModulesEndpoint;
import org.calicomesos.app.netmodules.PluginCommandsModule;
import org.calicomesos.ports.kv.KeyValueStore;

/** The production modules, plus a look at the chosen store, so tests can see what a request wrote. */
@Singleton
@Component(modules = {ConfigurationModule.class, DatastoreModule.class, IpamModule.class, EndpointModule.class,
    DataplaneModule.class, PluginCommandsModule.class})
public interface MemoryAppComponent {
  NetModulesEndpoint endpoint();

  KeyValueStore store();

  OpenResources openResources();

  /** A component on the memory store, node {@code testnode}, logging to {@code logFile}, plus {@code extra}. */
  static MemoryAppComponent create(Path logFile, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("CALICO_DATASTORE", "memory", "CALICO_LOG_FILE", logFile.toString()));
    env.putAll(extra);
    Configuration configuration = new ConfigurationReader(() -> "testnode").read(env);
    return DaggerMemoryAppComponent.factory().create(configuration);
  }

  /** Takes the configuration, as the production component does. */
  @Component.Factory
  interface Factory {
    MemoryAppComponent create(@BindsInstance Configuration configuration);
  }
}
