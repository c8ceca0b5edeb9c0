package org.calicomesos.app;

import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.app.pipeline.RequestObserver;
import org.calicomesos.app.pipeline.IpamRetriesOfRequests;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin request is a JVM of its own, and its start-up is the request's latency (docs/net-modules-protocol.md,
 * "One process per request"): one request, run as Mesos runs it (no arguments, JSON on stdin) on the memory store,
 * loads nothing of the metrics — no Prometheus client, none of the agent's metrics or observers, nothing of its route
 * loop — while the request path around them is loaded.
 */
class PluginLoadsNoMetricsTest {
  @TempDir
  Path dir;

  @Test
  void a_plugin_request_loads_no_metrics_class() throws IOException, InterruptedException {
    Path loaded = dir.resolve("classes.txt");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + loaded, "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().putAll(Map.of("CALICO_DATASTORE", "memory", "CALICO_NODENAME", "node-1",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString()));
    Process plugin = builder.start();
    plugin.getOutputStream().write(
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u1\",\"num_ipv4\":1}}".getBytes(StandardCharsets.UTF_8));
    plugin.getOutputStream().close();
    String response = new String(plugin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(plugin.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(response).contains("\"error\":null").contains("\"ipv4\":[\"192.168.");
    List<String> classes = Files.readAllLines(loaded);
    assertThat(classes).as("the request path was logged")
        .anyMatch(line -> line.contains(" org.calicomesos.app.pipeline.RequestLog "))
        .anyMatch(line -> line.contains(" org.calicomesos.app.pipeline.IpamRetriesOfRequests "));
    assertThat(classes).as("nothing of the metrics")
        .noneMatch(line -> line.contains(" io.prometheus."))
        .noneMatch(line -> line.contains(" org.calicomesos.app.metrics."))
        .noneMatch(line -> line.contains(" org.calicomesos.app.pipeline.RequestObserver "))
        .noneMatch(line -> line.contains(" org.calicomesos.app.agent."));
    assertThat(classes).as("nothing of the agent's routes: no route table, no route model, no registration")
        // The admin commands' use case interface is one of the component's methods, and the component is loaded
        // whole; it is an interface, nothing of the route loop's behind it.
        .noneMatch(line -> line.contains(" org.calicomesos.ports.routing.")
            && !line.contains(" org.calicomesos.ports.routing.ConfigureRoutingUseCase "))
        .noneMatch(line -> line.contains(" org.calicomesos.core.routing."))
        .noneMatch(line -> line.contains(" org.calicomesos.core.node.HostRegistrar "))
        .noneMatch(line -> line.contains("RouteTable"));
    assertThat(classes).as("nothing of BIRD: the plugin never talks to it")
        .noneMatch(line -> line.contains(" org.calicomesos.adapters.bird."))
        .noneMatch(line -> line.contains(" org.calicomesos.app.config.BirdPaths "));
  }
}
