package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.calicomesos.testkit.dataplane.ContainerListener;

/**
 * The paths a test expects open — and with which source address seen at the far end, so that a packet that got
 * through for the wrong reason (another address, another interface) does not pass — or closed. {@link #verify()}
 * probes them all at once, since each closed path costs a connect timeout, and reports every mismatch together.
 */
public final class Expectations {
  /** {@code source}: who the far end must see, or empty for a closed path; {@code masqueraded}: any host address. */
  private record Expected(String path, Supplier<Optional<IPAddress>> probe, Optional<IPAddress> source,
      boolean masqueraded) {}

  private final List<Expected> expected = new ArrayList<>();

  /** {@code from} reaches {@code to} over IPv4 and IPv6, and {@code to} sees {@code from}'s own addresses. */
  public Expectations reaches(Workload from, Workload to) {
    for (int family = 0; family < 2; family++) {
      IPAddress source = from.addresses().get(family);
      IPAddress target = to.addresses().get(family);
      open(from + " -> " + to + " " + target, () -> Probes.connect(from, source, to.listener(target)), source);
    }
    return this;
  }

  /** {@code from} reaches {@code to} over neither family. */
  public Expectations cannotReach(Workload from, Workload to) {
    for (int family = 0; family < 2; family++) {
      IPAddress source = from.addresses().get(family);
      IPAddress target = to.addresses().get(family);
      closed(from + " -> " + to + " " + target, () -> Probes.connect(from, source, to.listener(target)));
    }
    return this;
  }

  /** The host reaches {@code to} over both families from the addresses its kernel picks. */
  public Expectations hostReaches(Workload to) {
    for (IPAddress target : to.addresses()) {
      open("host -> " + to + " " + target, () -> Probes.connectFromHost(to.listener(target)),
          Probes.hostSourceFor(target));
    }
    return this;
  }

  public Expectations hostCannotReach(Workload to) {
    for (IPAddress target : to.addresses()) {
      closed("host -> " + to + " " + target, () -> Probes.connectFromHost(to.listener(target)));
    }
    return this;
  }

  /** {@code from} reaches a listener on a host address, from its own address of that family. */
  public Expectations reachesHost(Workload from, HostListener to) {
    IPAddress source = sameFamily(from, to.address());
    open(from + " -> host " + to.address(), () -> Probes.connect(from, source, to), source);
    return this;
  }

  public Expectations cannotReachHost(Workload from, HostListener to) {
    IPAddress source = sameFamily(from, to.address());
    closed(from + " -> host " + to.address(), () -> Probes.connect(from, source, to));
    return this;
  }

  /**
   * {@code from} reaches the world over both families, seen there from the host's address on the world's link when
   * {@code masqueraded}, else from its own.
   */
  public Expectations reachesWorld(Workload from, World world, boolean masqueraded) {
    for (IPAddress source : from.addresses()) {
      boolean ipv6 = source.isIPv6();
      ContainerListener listener = world.listener(ipv6);
      open(from + " -> world " + listener.address(), () -> Probes.connect(from, source, listener),
          masqueraded ? World.hostAddress(ipv6) : source);
    }
    return this;
  }

  public Expectations open(String path, Supplier<Optional<IPAddress>> probe, IPAddress source) {
    expected.add(new Expected(path, probe, Optional.of(source.withoutPrefixLength()), false));
    return this;
  }

  /** Open, and the far end sees one of the host's own addresses, whichever the kernel chose to masquerade with. */
  public Expectations openMasqueraded(String path, Supplier<Optional<IPAddress>> probe) {
    expected.add(new Expected(path, probe, Optional.empty(), true));
    return this;
  }

  public Expectations closed(String path, Supplier<Optional<IPAddress>> probe) {
    expected.add(new Expected(path, probe, Optional.empty(), false));
    return this;
  }

  /** Probes every path at once; fails listing each path that was not as expected. */
  public void verify() {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(16, expected.size())));
    try {
      List<CompletableFuture<Optional<IPAddress>>> outcomes = expected.stream()
          .map(e -> CompletableFuture.supplyAsync(e.probe(), pool)).toList();
      SoftAssertions softly = new SoftAssertions();
      for (int i = 0; i < expected.size(); i++) {
        Expected e = expected.get(i);
        Optional<String> seen = outcomes.get(i).join().map(IPAddress::toCanonicalString);
        if (e.masqueraded()) {
          softly.assertThat(outcomes.get(i).join().filter(Probes::isHostAddress))
              .as("open path %s, seen from one of the host's addresses, not %s", e.path(), seen.orElse("closed"))
              .isPresent();
        } else {
          softly.assertThat(seen).as(e.source().isPresent() ? "open path %s, seen from" : "closed path %s", e.path())
              .isEqualTo(e.source().map(IPAddress::toCanonicalString));
        }
      }
      softly.assertAll();
    } finally {
      pool.shutdownNow();
      expected.clear();
    }
  }

  private static IPAddress sameFamily(Workload from, IPAddress target) {
    return target.isIPv6() ? from.ipv6() : from.ipv4();
  }
}
