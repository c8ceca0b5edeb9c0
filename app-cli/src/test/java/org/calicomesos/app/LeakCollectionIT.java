package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The leaks operators of Calico on Mesos met, made for real (network namespaces, veths, SQLite and etcd) and
 * collected: each is freed once its grace is over and no sooner, and every test ends with {@code ipam check} clean
 * and nothing held.
 */
class LeakCollectionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @TempDir Path dir;

  private LeakHost host;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    host.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void a_container_killed_without_a_cleanup_is_freed_after_its_grace(String datastore) throws Exception {
    host = LeakHost.start(datastore, dir, etcd.server(), Map.of());
    NetnsContainer container = host.container();
    LeakHost.Lifecycle abandoned = host.isolateNew(container);
    container.close(); // its namespace goes, and the kernel takes the veth with it: no cleanup ever comes
    host.awaitInterfaceGone(abandoned);

    JsonNode check = host.admin("ipam", "check", "--output", "json");
    assertThat(kinds(check.get("problems"))).as(check.toString()).containsExactly("dead_endpoint");
    JsonNode first = host.gc("--grace", "3s");
    assertThat(outcomes(first)).as(first.toString()).containsExactly("endpoint waiting");
    Thread.sleep(3_000);
    JsonNode second = host.gc("--grace", "3s");

    assertThat(outcomes(second)).as(second.toString()).containsExactly("endpoint freed");
    assertThat(second.get("leaks").get(0).get("released").toString()).contains(abandoned.ipv4());
    host.assertNothingHeld();
  }

  @Test
  void an_allocation_never_isolated_survives_its_grace_and_is_freed_after_it() throws Exception {
    // Long enough for the cold JVMs below to run well within it on a busy machine.
    Duration grace = Duration.ofSeconds(12);
    host = LeakHost.start("sqlite", dir, null, Map.of("CALICO_GC_GRACE", grace.toSeconds() + "s"));
    LeakHost.Lifecycle pending = host.allocate();

    JsonNode first = host.gc();
    assertThat(outcomes(first)).as(first.toString()).containsExactly("allocation waiting");
    Instant since = Instant.parse(first.get("leaks").get(0).get("since").asText());
    assertThat(host.admin("ipam", "check", "--output", "json").get("problems")).isEmpty();
    JsonNode dry = host.gc("--dry-run", "--grace", "0s");
    assertThat(outcomes(dry)).as(dry.toString()).containsExactly("allocation would-free");
    JsonNode stillYoung = host.gc();
    assertThat(Duration.between(since, Instant.now())).isLessThan(grace);
    assertThat(outcomes(stillYoung)).as(stillYoung.toString()).containsExactly("allocation waiting");
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), since.plus(grace)).toMillis()));
    JsonNode check = host.admin("ipam", "check", "--output", "json");
    assertThat(kinds(check.get("problems"))).as(check.toString()).containsExactly("pending_allocation");
    JsonNode freed = host.gc();

    assertThat(outcomes(freed)).as(freed.toString()).containsExactly("allocation freed");
    assertThat(freed.get("leaks").get(0).get("released").toString()).contains(pending.ipv4());
    host.assertNothingHeld();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void after_a_reboot_the_agent_frees_the_endpoints_whose_namespace_went_while_it_was_down(String datastore)
      throws Exception {
    host = LeakHost.start(datastore, dir, etcd.server(), Map.of("CALICO_GC_GRACE", "2s", "CALICO_GC_INTERVAL", "1s"));
    NetnsContainer survivor = host.container();
    LeakHost.Lifecycle alive = host.isolateNew(survivor);
    NetnsContainer lost = host.container();
    LeakHost.Lifecycle rebooted = host.isolateNew(lost);
    host.startAgent();
    host.stopAgent();
    lost.close(); // the reboot: the namespace and its veth are gone, and Mesos' state of it with them
    host.awaitInterfaceGone(rebooted);

    host.startAgent();
    host.awaitAgentLog("gc freed endpoint container " + rebooted.container(), Duration.ofSeconds(20));

    JsonNode check = host.admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as(check.toString()).isEmpty();
    assertThat(check.get("allocated").asInt()).isEqualTo(1); // the survivor's, untouched
    assertThat(host.agentLog()).doesNotContain(alive.container().toString());
    host.cleanupAndRelease(alive);
    host.assertNothingHeld();
  }

  /**
   * Calico's collector once freed healthy pods' addresses after an upgrade. Live containers among leaks, collected
   * with no grace again and again: every leak goes on the first collection, no live address ever.
   */
  @Test
  void repeated_collections_free_every_leak_and_never_a_live_containers_address() throws Exception {
    host = LeakHost.start("sqlite", dir, null, Map.of());
    List<LeakHost.Lifecycle> live = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      live.add(host.isolateNew(host.container()));
    }
    List<String> leaked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      leaked.add(host.allocate().ipv4());
      NetnsContainer killed = host.container();
      LeakHost.Lifecycle dead = host.isolateNew(killed);
      killed.close();
      host.awaitInterfaceGone(dead);
      leaked.add(dead.ipv4());
    }

    JsonNode first = host.gc("--grace", "0s");
    List<String> released = new ArrayList<>();
    first.get("leaks").forEach(leak -> leak.get("released").forEach(ip -> released.add(ip.asText())));
    assertThat(released).as(first.toString()).containsExactlyInAnyOrderElementsOf(leaked);
    for (int i = 0; i < 4; i++) {
      JsonNode again = host.gc("--grace", "0s");
      assertThat(again.get("leaks")).as(again.toString()).isEmpty();
    }

    JsonNode check = host.admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as(check.toString()).isEmpty();
    assertThat(check.get("allocated").asInt()).isEqualTo(live.size());
    for (LeakHost.Lifecycle container : live) {
      assertThat(CniHost.linkExists(container.hostInterface())).as(container.hostInterface()).isTrue();
      host.cleanupAndRelease(container);
    }
    host.assertNothingHeld();
  }

  private static List<String> kinds(JsonNode problems) {
    List<String> kinds = new ArrayList<>();
    problems.forEach(problem -> kinds.add(problem.get("kind").asText()));
    return kinds;
  }

  private static List<String> outcomes(JsonNode gc) {
    List<String> outcomes = new ArrayList<>();
    gc.get("leaks").forEach(leak -> outcomes.add(leak.get("kind").asText() + " " + leak.get("outcome").asText()));
    return outcomes;
  }
}
