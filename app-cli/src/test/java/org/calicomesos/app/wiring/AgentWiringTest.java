package org.calicomesos.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.calicomesos.app.config.ConfigurationReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's production component, built (not run): the loop reports to the very metrics that are served. */
class AgentWiringTest {
  @TempDir
  Path dir;

  @Test
  void the_agent_and_its_metrics_share_one_registry_per_process() {
    AgentComponent app = AgentComponent.create(new ConfigurationReader(() -> "testnode").read(
        Map.of("CALICO_DATASTORE", "memory", "CALICO_LOG_FILE", dir.resolve("isolator.log").toString())));
    try {
      assertThat(app.policyLoop()).isNotNull();
      assertThat(app.agentMetrics()).isSameAs(app.agentMetrics());
      assertThat(app.agentMetrics().registry()).isSameAs(app.agentMetrics().registry());
    } finally {
      app.openResources().close();
    }
  }
}
