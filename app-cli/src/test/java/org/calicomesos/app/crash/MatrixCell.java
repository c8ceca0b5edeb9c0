package org.calicomesos.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.app.LauncherStorm;

/**
 * One lifecycle on one store, on a fresh store and a fresh container: run through unbroken with its request's steps
 * named ({@link #uninterrupted}), or killed at one step, the request retried through {@code bin/calico-mesos} as its
 * caller would, the lifecycle finished and GC run ({@link #crashAt}).
 */
final class MatrixCell {
  private static final String FINAL_CHECK = "ipam check at the end";

  private final CrashHost host;
  private final CrashStore store;
  private final Lifecycle lifecycle;
  private final Path root;
  private final String etcdUrl;

  /** @param etcdUrl the class's etcd, null on SQLite */
  MatrixCell(CrashHost host, CrashStore store, Lifecycle lifecycle, Path root, String etcdUrl) {
    this.host = host;
    this.store = store;
    this.lifecycle = lifecycle;
    this.root = root;
    this.etcdUrl = etcdUrl;
  }

  /** The lifecycle without a kill, on the host's runner, its request's steps named; what it did and left. */
  Uninterrupted uninterrupted() throws Exception {
    Path dir = stepDirectory(0);
    LifecycleRequests r = requests(dir, 0);
    List<RunnerAction> actions = new ArrayList<>(lifecycle.setup(r));
    actions.add(lifecycle.request(r).watched(0));
    actions.addAll(endOfLifecycle(r));
    RunnerScript script = script(dir, lifecycle.addresses(), actions);
    host.runner().run(script, dir);
    List<RunnerResult> results = RunnerResult.readAll(script.results());
    try (StoreReadouts readouts = new StoreReadouts(r.env())) {
      return new Uninterrupted(actions.size(), steps(script), results, host.kernel(),
          readouts.read(finalCheck(results)));
    }
  }

  /**
   * Kills the request right after step {@code step} (which the uninterrupted run named {@code expected}), retries
   * it, finishes the lifecycle and runs GC, holding the state after the retry and at the end to
   * {@link CrashAssertions}.
   */
  void crashAt(int step, String expected) throws Exception {
    Path dir = stepDirectory(step);
    LifecycleRequests r = requests(dir, step);
    RunnerScript setup = script(dir, lifecycle.addresses(), lifecycle.setup(r));
    host.runner().run(setup, dir);
    List<RunnerResult> before = new ArrayList<>(RunnerResult.readAll(setup.results()));
    assertThat(finished(before)).as("the set-up's answers: %s", before).hasSize(setup.actions().size());
    allSucceeded(before);

    RunnerAction request = lifecycle.request(r);
    RunnerScript killed = script(dir, heldAddresses(before, lifecycle.addresses()), List.of(request.watched(step)));
    int status = RunnerJvm.run(host.namespace(), store, killed, dir);
    assertThat(status).as("the runner's exit, killed at %s; its stderr:\n%s", expected, RunnerJvm.stderr(dir))
        .isEqualTo(StepCounter.KILLED);
    List<String> taken = steps(killed);
    assertThat(taken).as("the steps the killed request took").isNotEmpty();
    assertThat(taken.get(taken.size() - 1)).as("the step it was killed at").isEqualTo(expected);

    // As the isolator or runtime repeats it: the same environment and request (its addresses as first sent).
    String sent = RunnerResult.readAll(killed.results()).get(0).stdin();
    LauncherRun retry = LauncherRun.inNamespace(host.namespace(), LauncherStorm.LAUNCHER, dir, request.env(), sent);
    CrashAssertions.answered(retry, request);
    try (StoreReadouts readouts = new StoreReadouts(r.env())) {
      CrashAssertions.consistent(readouts.read(), host.kernel());

      List<String> held = heldAddresses(before, lifecycle.addresses());
      RunnerScript finish = script(dir, ipv4(retry.stdout(), held), endOfLifecycle(r));
      host.runner().run(finish, dir);
      List<RunnerResult> after = RunnerResult.readAll(finish.results());
      JsonNode check = finalCheck(after);
      assertThat(check.isMissingNode()).as("the runner got to %s: %s", FINAL_CHECK, after).isFalse();
      RecordedState records = readouts.read(check);
      KernelState kernel = host.kernel();
      // Both: a request that failed and what it left say more together.
      assertAll(() -> allSucceeded(after), () -> CrashAssertions.nothingLeft(records, kernel));
    }
  }

  /** What ends the lifecycle after the request: its remaining requests, GC, and the host's consistency check. */
  private List<RunnerAction> endOfLifecycle(LifecycleRequests r) {
    List<RunnerAction> actions = new ArrayList<>(lifecycle.finish(r));
    actions.addAll(runGarbageCollection(r));
    actions.add(r.check(FINAL_CHECK));
    return actions;
  }

  /** GC as an operator runs it on this node once the lifecycle is over: every leak it can free, freed. */
  private static List<RunnerAction> runGarbageCollection(LifecycleRequests r) {
    return List.of(r.gc());
  }

  private static JsonNode finalCheck(List<RunnerResult> results) {
    return results.stream().filter(result -> result.label().equals(FINAL_CHECK) && result.finished())
        .findFirst().map(RunnerResult::json).orElse(MissingNode.getInstance());
  }

  /** The addresses the lifecycle holds after {@code results}: the last a request answered, else {@code before}. */
  private static List<String> heldAddresses(List<RunnerResult> results, List<String> before) {
    List<String> addresses = before;
    for (RunnerResult result : finished(results)) {
      addresses = ipv4(result.stdout(), addresses);
    }
    return addresses;
  }

  private static List<RunnerResult> finished(List<RunnerResult> results) {
    return results.stream().filter(RunnerResult::finished).toList();
  }

  private static List<String> ipv4(String answer, List<String> otherwise) {
    if (!answer.startsWith("{")) {
      return otherwise;
    }
    List<String> addresses = new ArrayList<>();
    try {
      RunnerScript.JSON.readTree(answer).path("ipv4").forEach(a -> addresses.add(a.asText()));
    } catch (IOException e) {
      return otherwise;
    }
    return addresses.isEmpty() ? otherwise : addresses;
  }

  /** Every request answered success; the final check may report problems (exit 1): the assertions judge those. */
  private static void allSucceeded(List<RunnerResult> results) {
    for (RunnerResult result : results) {
      if (result.finished() && !result.label().equals(FINAL_CHECK)) {
        boolean ok = result.status() == 0 && !result.stdout().contains("\"error\":\"");
        assertThat(ok).as("%s answered (exit %s): %s", result.label(), result.status(), result.stdout()).isTrue();
      }
    }
  }

  /** The requests of a run at {@code step} (0: uninterrupted), on a store and a container fresh for it. */
  private LifecycleRequests requests(Path dir, int step) {
    String prefix = "/crash/" + lifecycle.name().toLowerCase(Locale.ROOT) + "/" + step;
    return new LifecycleRequests(store, new CrashStore.Step(dir.resolve("store.db"), prefix, etcdUrl), dir,
        host, host.freshStep());
  }

  private Path stepDirectory(int step) throws IOException {
    return Files.createDirectories(root.resolve(store.label()).resolve(lifecycle.name().toLowerCase(Locale.ROOT))
        .resolve(String.valueOf(step)));
  }

  private static RunnerScript script(Path dir, List<String> addresses, List<RunnerAction> actions)
      throws IOException {
    Path results = Files.createTempFile(dir, "results-", ".jsonl");
    Files.delete(results);
    return new RunnerScript(dir.resolve("steps.txt"), results, addresses, actions);
  }

  private static List<String> steps(RunnerScript script) throws IOException {
    return Files.exists(script.steps()) ? Files.readAllLines(script.steps(), StandardCharsets.UTF_8) : List.of();
  }

  /** The uninterrupted run: how many actions it had, the request's steps, every answer, and what was left. */
  record Uninterrupted(int actions, List<String> steps, List<RunnerResult> results, KernelState kernel,
      RecordedState records) {
    /** Every request and command answered, and succeeded, and nothing was left. */
    void assertClean() {
      assertThat(finished(results)).as("the answers: %s", results).hasSize(actions);
      assertAll(() -> allSucceeded(results), () -> CrashAssertions.nothingLeft(records, kernel));
    }
  }
}
