package org.calicomesos.app;

import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.admin.AdminCommandLine;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.AdminServicesOnDemand;

/** An admin command line as a process: the component is built only if the command needs it, and closed. */
final class AdminProcess {
  /** Set by bin/calico-mesos, in admin mode only, to its own symlink-resolved path. */
  static final String LAUNCHER_PROPERTY = "calico.launcher";

  private AdminProcess() {}

  static int run(String[] args, Map<String, String> env, ConfigurationReader reader) {
    Optional<String> launcher = Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY));
    try (AdminServicesOnDemand services = new AdminServicesOnDemand(env, reader)) {
      return AdminCommandLine.execute(args, launcher, services, System.out, System.err);
    }
  }
}
