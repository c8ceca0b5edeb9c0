package org.calicomesos.app.crash;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.calicomesos.app.SharedAgent;
import org.calicomesos.app.Teardown;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency (docs/datastore-schema.md, "Write orders"): each request kind is run once unbroken to name its
 * steps (every datastore write and kernel change), then, for each step, killed right after it on a fresh store,
 * retried through {@code bin/calico-mesos} as the Mesos isolator or CNI runtime would, its container's lifecycle
 * finished and {@code calico-mesos gc} run: no address may be held twice, nothing may be left, and the kernel must
 * match the records ({@link CrashAssertions}).
 *
 * <p>CI runs every step of every request on SQLite, and every step of allocate and CNI ADD on etcd (between them
 * every kind of write but the frees: pools, claims, handles, blocks, profiles, endpoints; SQLite has the frees);
 * the full matrix (every request on both) is
 * {@code mvn -o verify -pl app-cli -am -Dit.test=CrashMatrixIT -Dcrash.matrix=full -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashMatrixIT {
  private static final int HOSTS = 2;
  private static final Set<Lifecycle> ETCD_IN_CI = EnumSet.of(Lifecycle.ALLOCATE, Lifecycle.ADD);
  private static final Map<CrashStore, Map<Lifecycle, MatrixLanes.Lane>> LANES = new EnumMap<>(CrashStore.class);

  @TempDir static Path dir;
  private static CrashHosts hosts;
  private static EtcdServer etcd;
  private static MatrixLanes lanes;
  private static long started;

  @BeforeAll
  static void startLanes() {
    // The matrix starts, kills and retries plugin processes itself; a run of -Dit.test names this class in the
    // failsafe execution with-agent too, where it would only repeat the first pass.
    assumeFalse(SharedAgent.enabled(), "the crash matrix runs in the first pass only");
    started = System.nanoTime();
    hosts = CrashHosts.create(HOSTS, dir);
    etcd = EtcdServer.startListeningOn(hosts.bridgeAddress());
    lanes = new MatrixLanes(hosts.hosts(), dir);
    boolean full = "full".equals(System.getProperty("crash.matrix"));
    // The longest lanes first, so that the two hosts finish close together.
    List<Lifecycle> longestFirst = List.of(Lifecycle.ADD, Lifecycle.ALLOCATE, Lifecycle.RESERVE, Lifecycle.ISOLATE,
        Lifecycle.CLEANUP, Lifecycle.DEL, Lifecycle.RELEASE);
    for (Lifecycle lifecycle : longestFirst) {
      if (full || ETCD_IN_CI.contains(lifecycle)) {
        start(CrashStore.ETCD, lifecycle);
      }
      start(CrashStore.SQLITE, lifecycle);
    }
  }

  @AfterAll
  static void stopLanes() throws Exception {
    if (hosts == null) {
      return; // skipped
    }
    Teardown.inOrder(lanes, etcd, hosts);
    System.out.printf("crash matrix: %d s on %d hosts, %d CPU-seconds in the processes it started%n",
        (System.nanoTime() - started) / 1_000_000_000L, HOSTS, childrenCpuSeconds());
    LANES.forEach((store, byLifecycle) -> System.out.printf("  %s: %d s of lanes%n", store.label(),
        byLifecycle.values().stream().mapToLong(lane -> lane.took().toSeconds()).sum()));
  }

  /** The CPU time of this JVM's finished children (cutime + cstime in /proc/self/stat, at the kernel's 100 Hz). */
  private static long childrenCpuSeconds() throws java.io.IOException {
    String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100;
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> sqlite() {
    return matrix(CrashStore.SQLITE);
  }

  @TestFactory
  @Order(2)
  Stream<DynamicNode> etcd() {
    return matrix(CrashStore.ETCD);
  }

  private static void start(CrashStore store, Lifecycle lifecycle) {
    LANES.computeIfAbsent(store, s -> new EnumMap<>(Lifecycle.class))
        .put(lifecycle, lanes.start(store, lifecycle, store == CrashStore.ETCD ? etcd.clientUrl() : null));
  }

  private static Stream<DynamicNode> matrix(CrashStore store) {
    List<DynamicNode> containers = new ArrayList<>();
    LANES.getOrDefault(store, Map.of()).forEach((lifecycle, lane) -> containers.add(dynamicContainer(
        lifecycle.label() + " on " + store.label(),
        // Lazily: the container's tests are known once its lane's uninterrupted run has named the steps.
        Stream.of(lane).flatMap(CrashMatrixIT::tests))));
    return containers.stream();
  }

  private static Stream<DynamicNode> tests(MatrixLanes.Lane lane) {
    MatrixCell.Uninterrupted uninterrupted;
    try {
      uninterrupted = lane.uninterrupted();
    } catch (Throwable e) {
      return Stream.of(named("uninterrupted", () -> {
        throw e;
      }));
    }
    List<String> steps = uninterrupted.steps();
    return Stream.concat(Stream.of(named("uninterrupted (" + steps.size() + " steps)", uninterrupted::assertClean)),
        IntStream.rangeClosed(1, steps.size()).mapToObj(n -> named(steps.get(n - 1), () -> lane.awaitStep(n))));
  }

  /** A test whose failure starts with its name: failsafe's report and console show only the method's. */
  private static DynamicNode named(String name, Executable test) {
    return dynamicTest(name, () -> {
      try {
        test.execute();
      } catch (AssertionError e) {
        throw new AssertionError(name + ": " + e.getMessage(), e);
      }
    });
  }
}
