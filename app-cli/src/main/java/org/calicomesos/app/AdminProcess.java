package org.calicomesos.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.admin.commandline.AdminCommandLine;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.AdminComponent;

/** An admin command line as a process: the component is built only if the command needs it, and closed. */
final class AdminProcess {
  /** Set by bin/calico-mesos, in admin mode only, to its own symlink-resolved path. */
  static final String LAUNCHER_PROPERTY = "calico.launcher";

  private AdminProcess() {}

  static int run(String[] args, Map<String, String> env, ConfigurationReader reader) {
    Optional<String> launcher = Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY));
    try (OnFirstUse<AdminComponent> component = new OnFirstUse<>(() -> AdminComponent.create(reader.read(env)),
        built -> built.openResources().close())) {
      // The agent is listed for help and completion; Main runs it itself.
      return AdminCommandLine.execute(args, launcher, component::get, List.of(AgentEntryPoint.command(env, reader)),
          System.out, System.err);
    }
  }
}
