package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * A host's caller of the plugin, as the Mesos agent is: it sends a request and, until the request is accepted, sends
 * the same request again — after its process was killed, and after an error answer (an agent that died mid-request,
 * an etcd that was electing a leader). Every answer is counted and held to the rules: on time, one JSON object,
 * exit status 0 exactly when accepted.
 */
final class PluginClient {
  /** Long enough for an agent to be restarted and the etcd cluster to elect a leader many times over. */
  private static final Duration STEP_LIMIT = Duration.ofMinutes(3);
  private static final long PAUSE_BEFORE_REPEATING_MILLIS = 200;

  private final ChaosHost host;
  private final InFlightPlugins inFlight;
  private final ChaosFigures figures;
  private final ChaosSettings settings;

  PluginClient(ChaosHost host, InFlightPlugins inFlight, ChaosFigures figures, ChaosSettings settings) {
    this.host = host;
    this.inFlight = inFlight;
    this.figures = figures;
    this.settings = settings;
  }

  ChaosHost host() {
    return host;
  }

  /** A net-modules request, repeated until its answer's {@code error} is null; that answer. */
  JsonNode netModules(String request) throws InterruptedException {
    return untilAccepted(request, Map.of(), request,
        answer -> answer != null && answer.has("error") && answer.get("error").isNull());
  }

  /**
   * A CNI request ({@code CNI_*} variables in {@code cniEnv}, the network configuration on stdin), repeated until it
   * exits 0 without an error object; its result, or null for a verb that answers nothing.
   */
  JsonNode cni(Map<String, String> cniEnv, String configuration) throws InterruptedException {
    return untilAccepted(cniEnv.get("CNI_COMMAND") + " " + cniEnv.get("CNI_CONTAINERID"), cniEnv, configuration,
        answer -> answer == null || !answer.has("code"));
  }

  private JsonNode untilAccepted(String what, Map<String, String> extraEnv, String stdin, Acceptance accepted)
      throws InterruptedException {
    long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      PluginOutcome outcome = PluginRun.run(host, extraEnv, stdin, inFlight, settings.answerBound().plusSeconds(30));
      if (outcome instanceof PluginOutcome.Answered answered) {
        if (accepted(answered, accepted, what)) {
          return answered.answer();
        }
        figures.errorAnswers.incrementAndGet();
        last = String.valueOf(answered.answer());
      } else if (outcome instanceof PluginOutcome.Killed) {
        figures.killedRequests.incrementAndGet();
        last = "killed";
      } else if (outcome instanceof PluginOutcome.Malformed malformed) {
        figures.finding(host.node() + ": not one JSON object (exit " + malformed.status() + "): '"
            + malformed.stdout() + "', stderr '" + malformed.stderr().strip() + "': " + what);
        last = malformed.stdout();
      } else if (outcome instanceof PluginOutcome.Unanswered unanswered) {
        figures.finding(host.node() + ": no answer within " + unanswered.millis() + " ms: " + what);
        last = "unanswered";
      }
      Thread.sleep(PAUSE_BEFORE_REPEATING_MILLIS);
    }
    String finding = host.node() + ": not accepted within " + STEP_LIMIT + " (last: " + last + "): " + what;
    figures.finding(finding);
    throw new AssertionError(finding);
  }

  /** Counts the answer and holds it to the rules; whether it accepted the request. */
  private boolean accepted(PluginOutcome.Answered answered, Acceptance acceptance, String what) {
    figures.answered(answered.millis());
    boolean ok = acceptance.test(answered.answer());
    if (answered.millis() > settings.answerBound().toMillis()) {
      figures.finding(host.node() + ": answered after " + answered.millis() + " ms, beyond "
          + settings.answerBound().toMillis() + " ms: " + what);
    }
    if (ok != (answered.status() == 0)) {
      figures.finding(host.node() + ": exit status " + answered.status() + " with answer " + answered.answer() + ": "
          + what);
    }
    return ok;
  }

  private interface Acceptance {
    boolean test(JsonNode answer);
  }
}
