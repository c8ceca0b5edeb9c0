package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * What is left once every lifecycle has finished and the garbage is collected, which must be nothing: duplicates
 * (from the test's own ledger and {@code ipam check}), problems {@code ipam check} reports, and leaks — addresses
 * or handles still held, endpoint records, {@code cali*} interfaces on a host, policy naming one, containers'
 * namespaces.
 */
final class EndOfRunSurvey {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HOST_INTERFACE = Pattern.compile("cali[0-9a-f]{11}");

  private final List<String> duplicates = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> leaks = new ArrayList<>();

  private EndOfRunSurvey() {}

  static EndOfRunSurvey of(List<ChaosHost> hosts, AddressLedger ledger, String etcdEndpoints) throws Exception {
    EndOfRunSurvey survey = new EndOfRunSurvey();
    survey.duplicates.addAll(ledger.duplicates());
    ledger.held().forEach((address, lifecycle) -> survey.leaks.add(address + " still held by " + lifecycle));
    survey.readIpamCheck(hosts.get(0), etcdEndpoints);
    for (ChaosHost host : hosts) {
      survey.readHost(host);
    }
    KernelCommand.run("ip", "netns", "list").lines().filter(line -> line.startsWith(ChaosContainer.PREFIX))
        .forEach(namespace -> survey.leaks.add("container namespace " + namespace));
    return survey;
  }

  List<String> duplicates() {
    return duplicates;
  }

  List<String> problems() {
    return problems;
  }

  List<String> leaks() {
    return leaks;
  }

  private void readIpamCheck(ChaosHost host, String etcdEndpoints) throws Exception {
    JsonNode report = json(host, "ipam", "check", "--output", "json");
    if (report.path("allocated").asLong() != 0) {
      leaks.add(report.path("allocated").asLong() + " addresses still assigned");
    }
    if (report.path("handles").asLong() != 0) {
      leaks.add(report.path("handles").asLong() + " handles still recorded: " + handleRecords(etcdEndpoints));
    }
    for (JsonNode problem : report.path("problems")) {
      String text = problem.path("kind").asText() + " " + problem.path("subject").asText() + ": "
          + problem.path("detail").asText();
      (problem.path("kind").asText().equals("duplicate_address") ? duplicates : problems).add(text);
    }
  }

  private void readHost(ChaosHost host) throws Exception {
    for (JsonNode endpoint : json(host, "endpoint", "list", "--host", host.node(), "--output", "json").path("endpoints")) {
      leaks.add(host.node() + ": endpoint " + endpoint);
    }
    Matcher interfaces = HOST_INTERFACE.matcher(host.run("ip", "-o", "link", "show"));
    while (interfaces.find()) {
      leaks.add(host.node() + ": interface " + interfaces.group());
    }
    Matcher policy = HOST_INTERFACE.matcher(policyOnceSettled(host));
    while (policy.find()) {
      leaks.add(host.node() + ": policy still names " + policy.group());
    }
  }

  /** The agent's table, once it names no host interface or after 10 s: the agent applies a change within a second. */
  private static String policyOnceSettled(ChaosHost host) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String table = host.run("nft", "list", "table", "inet", "calico_mesos");
    while (HOST_INTERFACE.matcher(table).find() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      table = host.run("nft", "list", "table", "inet", "calico_mesos");
    }
    return table;
  }

  /** The handle records as etcd has them: which uids leaked, and how many addresses each claims to hold. */
  private static String handleRecords(String etcdEndpoints) {
    return KernelCommand.attempt("etcdctl", "--endpoints=" + etcdEndpoints, "get", "--prefix", "/chaos/ipam/v2/handle/",
        "--print-value-only").stdout().strip().replace('\n', ' ');
  }

  private static JsonNode json(ChaosHost host, String... args) throws Exception {
    LauncherRun run = host.admin(args);
    if (!run.stdout().startsWith("{")) {
      throw new AssertionError(host.node() + ": " + String.join(" ", args) + " printed no JSON (exit " + run.status()
          + "): " + run.stdout() + run.stderr());
    }
    return JSON.readTree(run.stdout());
  }
}
