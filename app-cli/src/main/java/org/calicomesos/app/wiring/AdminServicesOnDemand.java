package org.calicomesos.app.wiring;

import java.util.Map;
import java.util.function.Supplier;
import org.calicomesos.app.admin.AdminServices;
import org.calicomesos.app.config.ConfigurationReader;

/**
 * Builds the component only when an admin command asks for its services (not for {@code --help} or a
 * usage error), and closes what it opened at the end.
 */
public final class AdminServicesOnDemand implements Supplier<AdminServices>, AutoCloseable {
  private final Map<String, String> environment;
  private final ConfigurationReader reader;
  private AppComponent component;

  public AdminServicesOnDemand(Map<String, String> environment, ConfigurationReader reader) {
    this.environment = environment;
    this.reader = reader;
  }

  @Override
  public synchronized AdminServices get() {
    if (component == null) {
      component = AppComponent.create(reader.read(environment));
    }
    return component;
  }

  @Override
  public synchronized void close() {
    if (component != null) {
      component.openResources().close();
    }
  }
}
