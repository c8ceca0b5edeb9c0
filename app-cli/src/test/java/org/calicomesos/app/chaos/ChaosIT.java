package org.calicomesos.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calicomesos.app.HostNamespaces;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.app.Teardown;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.server.EtcdCluster;
import org.junit.jupiter.api.Test;

/**
 * A chaos run on a real three-member etcd cluster: four hosts (network namespaces {@code chaos-h1..4}, each with its
 * own agent enforcing policy, routing and serving requests) run a storm of container lifecycles through
 * {@code bin/calico-mesos} from several clients per host, while agents and in-flight plugin processes are SIGKILLed
 * at random and the etcd leader is killed and restarted. Every request not itself killed must be answered on time
 * with one JSON object; afterwards, with every lifecycle finished and the garbage collected, no address may have been
 * held twice and nothing may be left. Sizes: {@link ChaosSettings}.
 */
class ChaosIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BRIDGE = "chaosbr0";
  private static final String SUBNET = "100.127.250"; // shared address space: on no real link of a test machine
  /** Small blocks, so that hosts claim several during the run: claims are what leader kills cut short. */
  private static final String POOL = "100.126.0.0/22";
  private static final String BLOCK_SIZE = "29";

  @Test
  void every_lifecycle_finishes_with_no_duplicate_and_no_leak_through_kills_of_agents_plugins_and_the_leader()
      throws Exception {
    // The second failsafe pass reruns end-to-end tests through a shared agent; these hosts run their own.
    assumeFalse(Boolean.getBoolean("calico.it.agent"));
    ChaosSettings settings = ChaosSettings.fromSystemProperties();
    Path dir = Files.createTempDirectory("chaos-");
    List<SupervisedAgent> agents = new ArrayList<>();
    HostNamespaces network = null;
    EtcdCluster etcd = null;
    boolean passed = false;
    try {
      network = HostNamespaces.create(BRIDGE, SUBNET, ChaosHost.PREFIX, settings.hosts());
      etcd = EtcdCluster.startListeningOn(network.rootAddress());
      List<ChaosHost> hosts = new ArrayList<>();
      for (int n = 1; n <= settings.hosts(); n++) {
        hosts.add(new ChaosHost(n, network, dir, etcd.endpoints(), settings.requestTimeout()));
      }
      succeeds(hosts.get(0).admin("pool", "add", POOL, "--block-size", BLOCK_SIZE));
      for (ChaosHost host : hosts) {
        agents.add(SupervisedAgent.start(host));
      }
      for (SupervisedAgent agent : agents) {
        agent.awaitServing(Duration.ofMinutes(2));
      }
      run(settings, hosts, agents, etcd);
      passed = true;
    } finally {
      Teardown.inOrder(agents, ChaosIT::removeLeftoverContainers, network, etcd);
      if (passed) {
        delete(dir);
      } else {
        System.out.println("chaos run: its logs are in " + dir);
      }
    }
  }

  private static void run(ChaosSettings settings, List<ChaosHost> hosts, List<SupervisedAgent> agents,
      EtcdCluster etcd) throws Exception {
    long started = System.nanoTime();
    ChaosFigures figures = new ChaosFigures();
    AddressLedger ledger = new AddressLedger();
    InFlightPlugins inFlight = new InFlightPlugins();
    List<PluginClient> clients = new ArrayList<>();
    for (ChaosHost host : hosts) {
      for (int c = 0; c < settings.clientsPerHost(); c++) {
        clients.add(new PluginClient(host, inFlight, figures, settings));
      }
    }
    LifecycleStorm storm = new LifecycleStorm(settings, clients, ledger, figures);
    ExecutorService chaosThread = Executors.newSingleThreadExecutor();
    try {
      storm.start();
      Future<?> chaos = chaosThread.submit(new RandomKills(settings, agents, inFlight, etcd, figures));
      chaos.get(30, TimeUnit.MINUTES);
      storm.finish();
    } catch (Exception | AssertionError e) {
      storm.abandon();
      throw e;
    } finally {
      chaosThread.shutdownNow();
    }
    for (SupervisedAgent agent : agents) {
      agent.awaitIdle(Duration.ofMinutes(1));
      if (agent.exitsOnItsOwn() > 0) {
        figures.finding("an agent exited " + agent.exitsOnItsOwn() + " time(s) without being killed");
      }
    }
    collectGarbage(hosts, figures);
    EndOfRunSurvey survey = EndOfRunSurvey.of(hosts, ledger, etcd.endpoints());

    figures.print(System.out, settings, survey.duplicates().size(), survey.leaks().size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertThat(survey.duplicates()).as("addresses held twice").isEmpty();
    assertThat(survey.leaks()).as("left behind").isEmpty();
    assertThat(survey.problems()).as("ipam check's problems").isEmpty();
    assertThat(figures.findings()).as("requests and steps that broke the rules").isEmpty();
    assertThat(figures.agentKills.get() + figures.pluginKills.get()).isEqualTo(settings.kills());
    assertThat(figures.leaderChanges()).isEqualTo(settings.leaderKills());
    assertThat(ledger.handedOut()).isEqualTo(figures.netModulesLifecycles.get() + figures.cniLifecycles.get());
  }

  /**
   * The GC step: {@code calico-mesos gc --grace 0s} on each host, with that host's settings, frees what the run leaked
   * there and no lifecycle's own steps free (an address a killed or overrun allocate took for a uid, a handle count a
   * request killed between its two writes left too high, an interface an isolate cut short left). Grace 0s is safe
   * here: no request is in flight any more. What it freed is counted, by kind.
   */
  private static void collectGarbage(List<ChaosHost> hosts, ChaosFigures figures) throws Exception {
    for (ChaosHost host : hosts) {
      LauncherRun gc = host.admin("gc", "--grace", "0s", "--output", "json");
      succeeds(gc);
      for (JsonNode leak : JSON.readTree(gc.stdout()).path("leaks")) {
        figures.collected(leak.path("kind").asText() + " " + leak.path("outcome").asText());
      }
    }
  }

  private static void succeeds(LauncherRun run) {
    assertThat(run.status()).as("%s%s", run.stdout(), run.stderr()).isZero();
  }

  /** Containers a failed run left between two steps: their processes, then their namespaces. */
  private static void removeLeftoverContainers() {
    KernelCommand.attempt("ip", "netns", "list").stdout().lines().map(line -> line.split(" ")[0])
        .filter(name -> name.startsWith(ChaosContainer.PREFIX)).forEach(name -> {
          KernelCommand.attempt("ip", "netns", "pids", name).stdout().lines()
              .forEach(pid -> KernelCommand.attempt("kill", "-KILL", pid));
          KernelCommand.attempt("ip", "netns", "del", name);
        });
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temporary directory
    }
  }
}
