package org.calicomesos.app;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * Waits for a policy-enforcing agent to catch up with the datastore, for the end-to-end isolation tests: a path it
 * must open, or rules for an interface it must program or drop. These wait for convergence; they assert no timing.
 * On giving up they fail with the agent's log and the table in force.
 */
final class PolicyConvergence {
  static final String TABLE = "calico_mesos";
  static final Duration CONVERGE = Duration.ofSeconds(15);

  private PolicyConvergence() {}

  /** Until {@code reaches} holds; {@code what} names the path for the failure. */
  static void awaitReachable(BooleanSupplier reaches, String what, AgentProcess agent) throws InterruptedException {
    if (!await(reaches)) {
      throw new AssertionError(what + " was not open within " + CONVERGE + "; the agent's log:\n" + agent.log()
          + "\nthe table:\n" + table());
    }
  }

  /** Until the agent has a chain for traffic to {@code hostInterface}. */
  static void awaitProgrammed(String hostInterface, AgentProcess agent) throws InterruptedException {
    if (!await(() -> table().contains("chain to_" + hostInterface + " "))) {
      throw new AssertionError("the agent did not program " + hostInterface + " within " + CONVERGE + "; its log:\n"
          + agent.log());
    }
  }

  /** Until the agent's table no longer names {@code hostInterface}. */
  static void awaitGone(String hostInterface, AgentProcess agent) throws InterruptedException {
    if (!await(() -> !table().contains(hostInterface))) {
      throw new AssertionError("the agent kept rules for " + hostInterface + " for " + CONVERGE
          + " after its cleanup; its log:\n" + agent.log());
    }
  }

  static String table() {
    return KernelCommand.attempt("nft", "list", "table", "inet", TABLE).stdout();
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
