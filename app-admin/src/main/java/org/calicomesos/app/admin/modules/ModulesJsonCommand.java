package org.calicomesos.app.admin.modules;

import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code modules-json [--plugin PATH] [--library PATH]}: needs no datastore, only the two paths. */
@Command(
    name = "modules-json",
    description = {
        "Print the modules.json that loads calico-mesos into a Mesos agent through the net-modules isolator.",
        "Its ipam_command and isolator_command both run the plugin; the isolator's NetworkHook module comes with it.",
        "",
        "Save it where the agent reads it, and start the agent with the isolator and its hook (and the CALICO_*"
            + " settings in its environment):",
        "  calico-mesos modules-json > /etc/mesos/modules.json",
        "  mesos-agent --modules=file:///etc/mesos/modules.json \\",
        "    --isolation=com_mesosphere_mesos_NetworkIsolator \\",
        "    --hooks=com_mesosphere_mesos_NetworkHook ...",
        "",
        "It takes no --output: the output is the file Mesos reads, so it is always JSON.",
        ""})
public final class ModulesJsonCommand implements Callable<Integer> {
  /** Where existing modules.json files point: the original calico-mesos installed itself there. */
  static final String FALLBACK_PLUGIN = "/calico/calico_mesos";
  static final String DEFAULT_LIBRARY = "/opt/net-modules/libmesos_network_isolator.so";

  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;

  @Option(names = "--plugin", paramLabel = "PATH",
      description = "The plugin the isolator runs; default: the launcher this command was run through, with symlinks"
          + " resolved (" + FALLBACK_PLUGIN + " when not run through bin/calico-mesos).")
  private String plugin;

  @Option(names = "--library", paramLabel = "PATH", defaultValue = DEFAULT_LIBRARY,
      description = "The net-modules isolator library; default: ${DEFAULT-VALUE}.")
  private String library;

  public ModulesJsonCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    String pluginPath = plugin != null
        ? ArgumentCheck.parse(spec, () -> ModulePath.command("--plugin", plugin))
        : ArgumentCheck.parse(spec, () -> ModulePath.command("the launcher's path (the default for --plugin)",
            invocation.launcher().orElse(FALLBACK_PLUGIN)));
    String libraryPath = ArgumentCheck.parse(spec, () -> ModulePath.library("--library", library));
    JsonDocument.write(new ModulesJson(libraryPath, pluginPath).toJson(), invocation.out());
    return 0;
  }
}
