package org.calicomesos.app;

import java.util.Map;
import org.calicomesos.app.admin.AdminCommandLine;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.AdminServicesOnDemand;

/** An admin command line as a process: the component is built only if the command needs it, and closed. */
final class AdminProcess {
  private AdminProcess() {}

  static int run(String[] args, Map<String, String> env, ConfigurationReader reader) {
    try (AdminServicesOnDemand services = new AdminServicesOnDemand(env, reader)) {
      return AdminCommandLine.execute(args, services, System.out, System.err);
    }
  }
}
