package org.calicomesos.app.agent;

import org.calicomesos.testkit.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingBgpSpeaker;
import org.calicomesos.adapters.memory.RecordingRouteTable;
import org.calicomesos.adapters.memory.RecordingVxlanTunnel;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.core.routing.RouteSync;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The route loop on the memory store: registers at start, follows claims, and its tick repairs a deleted route. */
class RouteAgentTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName HERE = new NodeName("agent-1");
  private static final NodeName THERE = new NodeName("agent-2");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final RecordingRouteTable kernel = new RecordingRouteTable();
  private final RouteAgent agent = new RouteAgent(registrar(HERE, "10.0.0.5"),
      new RouteSync(store, KEYS, HERE, kernel, new RecordingVxlanTunnel(), 1500, new RecordingBgpSpeaker()), store, Duration.ofMillis(200));
  private final Thread loop = new Thread(agent::run, "route-agent-under-test");

  @AfterEach
  void stopAgent() throws InterruptedException {
    agent.stop(PATIENCE);
    loop.join(PATIENCE.toMillis());
  }

  @Test
  void registers_follows_a_claim_of_another_host_and_repairs_its_route() throws InterruptedException {
    loop.start();
    await(() -> store.get(KEYS.registration(HERE)).isPresent(), "this host registered at start");

    registrar(THERE, "10.0.0.6").register();
    store.create(KEYS.affinity(THERE, Addresses.parseCidr("b", "198.18.0.64/26")), "{\"state\":\"confirmed\"}");
    HostRoute route = new HostRoute(Addresses.parseCidr("b", "198.18.0.64/26"), Addresses.parseAnyAddress("g", "10.0.0.6"));
    await(() -> kernel.hostRoutes().contains(route), "the route to the other host's block");

    kernel.deleteBehindTheBack(route);
    await(() -> kernel.hostRoutes().contains(route), "the deleted route restored by the tick");
  }

  private HostRegistrar registrar(NodeName node, String ip) {
    return new HostRegistrar(store, KEYS, new EndpointSettings(node, 1500,
        Optional.of(Addresses.parseAnyAddress("ip", ip))), new MemoryDataplane(), "test", Clock.systemUTC());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Eventually.await(condition, what, PATIENCE);
  }
}
