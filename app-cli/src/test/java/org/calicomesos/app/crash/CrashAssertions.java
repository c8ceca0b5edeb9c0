package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.calicomesos.app.LauncherRun;

/**
 * What the matrix holds every step to. Soft: a failing step lists everything that is off, not just the first.
 */
final class CrashAssertions {
  /** The problems of {@code ipam check} a leak explains (an address held for nobody): GC's to free, not a bug yet. */
  private static final Set<String> LEAKS = Set.of("handle_mismatch", "affinity_mismatch");
  /** An endpoint whose address is free: the isolator releases by address before it cleans up, so this is between. */
  private static final String RELEASED_FIRST = "but it is not allocated";
  private static final Pattern COUNTS = Pattern.compile("counts (\\d+) address(?:es)? in block \\S+ but holds (\\d+)");

  private CrashAssertions() {}

  /** The retried request answered success, as its caller reads it. */
  static void answered(LauncherRun retry, RunnerAction request) {
    boolean ok = retry.status() == 0;
    if (request.protocol().equals(RunnerAction.NET_MODULES)) {
      ok &= retry.stdout().contains("\"error\":null");
    }
    if (!ok) {
      throw new AssertionError("the retried " + request.label() + " failed (exit " + retry.status() + "): "
          + retry.stdout() + "\nstderr: " + retry.stderr());
    }
  }

  /**
   * Between requests: no address held twice, no record broken, at worst a leak (or an endpoint whose addresses
   * were released ahead of its cleanup); the kernel as the records say (a {@code cali*} interface per endpoint of
   * this host and none other, the container holding its endpoint's addresses or, with no endpoint, no interface; a
   * blackhole for each block of an endpoint, only for this host's blocks).
   */
  static void consistent(RecordedState records, KernelState kernel) {
    SoftAssertions soft = new SoftAssertions();
    List<JsonNode> harmful = new ArrayList<>();
    for (JsonNode problem : records.check().path("problems")) {
      boolean leak = LEAKS.contains(problem.path("kind").asText()) && !countsTooFew(problem);
      boolean released = problem.path("kind").asText().equals("endpoint_mismatch")
          && problem.path("detail").asText().endsWith(RELEASED_FIRST);
      if (!leak && !released) {
        harmful.add(problem);
      }
    }
    soft.assertThat(harmful).as("ipam check's problems other than leaks").isEmpty();
    soft.assertThat(kernel.hostInterfaces()).as("cali interfaces on the host, against the endpoint records")
        .isEqualTo(records.interfacesOf(CrashHost.NODE));
    List<JsonNode> local = new ArrayList<>();
    records.endpoints().forEach(e -> {
      if (e.path("node").asText().equals(CrashHost.NODE)) {
        local.add(e);
      }
    });
    Set<String> seen = new HashSet<>();
    Set<String> blocksInUse = new TreeSet<>();
    for (JsonNode endpoint : local) {
      for (String net : records.nets(endpoint)) {
        soft.assertThat(seen.add(net)).as("%s in two endpoint records", net).isTrue();
        blocksInUse.add(records.blockHolding(net));
      }
    }
    if (local.isEmpty()) {
      soft.assertThat(kernel.containerInterfaces()).as("the container's interfaces, with no endpoint").isEmpty();
    } else {
      soft.assertThat(kernel.containerInterfaces()).as("the container's interfaces and addresses")
          .isEqualTo(java.util.Map.of("eth0", records.nets(local.get(0))));
    }
    Set<String> ours = records.blocksOf(CrashHost.NODE);
    soft.assertThat(ours).as("this host's blocks, against the blackholes").containsAll(kernel.blackholes());
    Set<String> wanted = new TreeSet<>(blocksInUse);
    wanted.retainAll(ours);
    soft.assertThat(kernel.blackholes()).as("blackholes, against the blocks of this host's endpoints")
        .containsAll(wanted);
    soft.assertAll();
  }

  /**
   * The lifecycle over and GC run: {@code ipam check} clean with no handle and no address held, no endpoint, no
   * address in use; no {@code cali*} interface, nothing in the container, and a blackhole for exactly this host's
   * blocks.
   */
  static void nothingLeft(RecordedState records, KernelState kernel) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(records.check().path("problems")).as("ipam check's problems").isEmpty();
    soft.assertThat(records.check().path("handles").asLong()).as("handles left").isZero();
    soft.assertThat(records.check().path("allocated").asLong()).as("addresses left assigned").isZero();
    soft.assertThat(records.endpoints()).as("endpoint records left").isEmpty();
    soft.assertThat(records.used()).as("addresses ipam show counts as used").isZero();
    soft.assertThat(kernel.hostInterfaces()).as("cali interfaces left on the host").isEmpty();
    soft.assertThat(kernel.containerInterfaces()).as("interfaces left in the container").isEmpty();
    soft.assertThat(kernel.blackholes()).as("blackholes, against this host's blocks")
        .isEqualTo(records.blocksOf(CrashHost.NODE));
    soft.assertAll();
  }

  /** A handle counting fewer addresses than it holds: release by uid would miss one, which is no leak but a bug. */
  private static boolean countsTooFew(JsonNode problem) {
    Matcher counts = COUNTS.matcher(problem.path("detail").asText());
    return counts.find() && Integer.parseInt(counts.group(1)) < Integer.parseInt(counts.group(2));
  }
}
