package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.calicomesos.app.pipeline.FailureKind;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The protocol's face to the pipeline: its names, its variables, and the codes of the pipeline's own errors. */
class CniProtocolTest {
  private final CniProtocol plugin = CniProtocol.plugin(Path.of("/nonexistent"));

  @Test
  void twoPluginsSpeakIt() {
    assertThat(plugin.name()).isEqualTo("cni");
    assertThat(CniProtocol.ipam(CniProtocol.DEFAULTS_FILE).name()).isEqualTo("cni-ipam");
    assertThat(plugin.maxRequestBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void theAgentsWireCarriesTheCniVariablesOnly() {
    assertThat(java.util.List.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_ARGS", "CNI_PATH"))
        .allMatch(plugin::readsVariable);
    assertThat(plugin.readsVariable("CNI_SECRET")).isFalse();
    assertThat(plugin.readsVariable("HOME")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"ADD,CONFIGURATION,7", "ADD,DEADLINE,11", "DEL,DATASTORE_UNAVAILABLE,11", "ADD,INTERNAL,999",
      "STATUS,DATASTORE_UNAVAILABLE,50", "STATUS,DEADLINE,50", "STATUS,CONFIGURATION,7"})
  void thePipelinesErrorsCarryTheirCodeInTheRequestsVersion(String command, FailureKind kind, int code) {
    PluginRequest request = CniRequests.request(plugin, CniRequests.environment(command),
        CniRequests.config("0.4.0", ""));

    PluginResponse response = plugin.error(request, kind, "it failed");

    assertThat(response.toString()).isEqualTo("{\"cniVersion\":\"0.4.0\",\"code\":" + code + ",\"msg\":\"it failed\"}\n");
    assertThat(response.exitStatus()).isEqualTo(1);
  }

  @Test
  void stdinThatWasNotTakenIsCode6InTheLatestVersion() {
    PluginRequest request = PluginRequest.refused(plugin, Map.of("CNI_COMMAND", "ADD"), "request is too large");

    assertThat(plugin.error(request, FailureKind.REFUSED_INPUT, "request is too large").toString())
        .isEqualTo("{\"cniVersion\":\"1.1.0\",\"code\":6,\"msg\":\"request is too large\"}\n");
  }
}
