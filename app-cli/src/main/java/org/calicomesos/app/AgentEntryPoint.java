package org.calicomesos.app;

import java.util.Map;
import org.calicomesos.app.agent.command.AgentCommand;
import org.calicomesos.app.agent.serving.AgentWarmUp;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.AgentComponent;
import org.calicomesos.app.wiring.PluginComponent;
import org.calicomesos.app.wiring.RehearsalComponent;
import org.calicomesos.app.wiring.SpokenProtocols;

/** {@code calico-mesos agent ...}: this host's agent, wired to its own configuration and every protocol it serves. */
final class AgentEntryPoint {
  private AgentEntryPoint() {}

  static int run(String[] args, Map<String, String> env, ConfigurationReader reader) {
    return command(env, reader).execute(args);
  }

  /** The agent's command; nothing is built until it runs. */
  static AgentCommand command(Map<String, String> env, ConfigurationReader reader) {
    return new AgentCommand(env, () -> AgentComponent.create(reader.read(env)), PluginComponent::create,
        SpokenProtocols.all(), new AgentWarmUp(SpokenProtocols.all(), reader,
            rehearsal -> RehearsalComponent.create(rehearsal, reader.read(env).datastore().kind())));
  }
}
