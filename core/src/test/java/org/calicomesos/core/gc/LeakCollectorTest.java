package org.calicomesos.core.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import inet.ipaddr.IPAddress;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.gc.LeakKind;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.junit.jupiter.api.Test;

class LeakCollectorTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final PortMapping TCP_8080 = new PortMapping(8080, 80, TransportProtocol.TCP);

  private final GcFixture fixture = new GcFixture();
  private final GcFixture.Host host = fixture.host;

  @Test
  void anAllocationNeverIsolatedIsFreedOnceItsGraceIsOverAndNoSooner() {
    List<IPAddress> held = host.allocate("u1");

    assertThat(outcomes(host.collect(HOUR))).containsExactly(LeakKind.PENDING_ALLOCATION + " WAITING");
    fixture.clock.advance(Duration.ofMinutes(59));
    assertThat(outcomes(host.collect(HOUR))).containsExactly(LeakKind.PENDING_ALLOCATION + " WAITING");
    assertThat(fixture.memory.list(GcFixture.KEYS.handlePrefix()).entries()).hasSize(1);

    fixture.clock.advance(Duration.ofMinutes(1));
    CollectionReport report = host.collect(HOUR);

    assertThat(outcomes(report)).containsExactly(LeakKind.PENDING_ALLOCATION + " FREED");
    assertThat(report.leaks().get(0).freed()).isEqualTo(held);
    assertThat(fixture.memory.list(GcFixture.KEYS.handlePrefix()).entries()).isEmpty();
    assertThat(fixture.memory.get(GcFixture.KEYS.leakMarks(GcFixture.NODE))).isEmpty();
    assertThat(host.check.check().clean()).isTrue();
  }

  @Test
  void anAllocationAnEndpointUsesIsNoCandidate() {
    host.isolate("c1", host.allocate("u1"));

    assertThat(host.collect(Duration.ZERO).leaks()).isEmpty();
  }

  @Test
  void anotherHostsAllocationIsNeverJudgedHere() {
    fixture.other.allocate("u2");

    assertThat(host.collect(Duration.ZERO).leaks()).isEmpty();
    assertThat(outcomes(fixture.other.collect(Duration.ZERO))).containsExactly(LeakKind.PENDING_ALLOCATION + " FREED");
  }

  @Test
  void anEndpointWhoseInterfaceIsGoneIsMarkedAtOnceAndFreedAfterItsGrace() {
    List<IPAddress> held = host.allocate("u1");
    host.isolate("c1", held);
    String iface = EndpointId.of(new ContainerId("c1")).hostInterfaceName();
    fixture.dataplane.unplumb(new InterfaceName(iface)); // the container's namespace went: the kernel took the veth

    assertThat(host.check.check().problems()).extracting(IpamProblem::kind).containsExactly(IpamProblem.Kind.DEAD_ENDPOINT);
    assertThat(outcomes(host.collect(Duration.ofMinutes(5)))).containsExactly(LeakKind.DEAD_ENDPOINT + " WAITING");
    fixture.clock.advance(Duration.ofMinutes(5));
    CollectionReport report = host.collect(Duration.ofMinutes(5));

    assertThat(outcomes(report)).containsExactly(LeakKind.DEAD_ENDPOINT + " FREED");
    assertThat(report.leaks().get(0).freed()).isEqualTo(held);
    assertThat(fixture.memory.list(GcFixture.KEYS.hostRoot()).entries()).isEmpty();
    assertThat(fixture.memory.list(GcFixture.KEYS.handlePrefix()).entries()).isEmpty();
    assertThat(host.check.check().clean()).isTrue();
  }

  @Test
  void anEndpointWhoseInterfaceCameBackIsLeftAlone() {
    List<IPAddress> held = host.allocate("u1");
    host.isolate("c1", held);
    InterfaceName iface = new InterfaceName(EndpointId.of(new ContainerId("c1")).hostInterfaceName());
    VethPlan plan = fixture.dataplane.plumbed().get(iface);
    fixture.dataplane.unplumb(iface);
    host.collect(HOUR);
    fixture.dataplane.plumb(plan);
    fixture.clock.advance(HOUR);

    assertThat(host.collect(HOUR).leaks()).isEmpty();
    assertThat(fixture.memory.list(GcFixture.KEYS.hostRoot()).entries()).hasSize(1);
  }

  @Test
  void anInterfaceNoRecordNamesIsRemovedAfterItsGrace() {
    InterfaceName orphan = new InterfaceName(EndpointId.of(new ContainerId("c9")).hostInterfaceName());
    fixture.dataplane.plumb(new VethPlan(orphan, org.calicomesos.core.endpoint.VethPlanner.HOST_MAC,
        new NetworkNamespace.OfProcess(4343), new InterfaceName("eth0"), 1440, List.of(), List.of(), List.of(), List.of()));

    assertThat(outcomes(host.collect(Duration.ofSeconds(30)))).containsExactly(LeakKind.ORPHAN_INTERFACE + " WAITING");
    fixture.clock.advance(Duration.ofSeconds(30));
    assertThat(outcomes(host.collect(Duration.ofSeconds(30)))).containsExactly(LeakKind.ORPHAN_INTERFACE + " FREED");
    assertThat(fixture.dataplane.plumbed()).isEmpty();
  }

  @Test
  void aHandleCountingMoreThanItsBlockHoldsIsLoweredToTheTruth() {
    host.allocate("u1");
    host.isolate("c1", host.allocate("u1")); // u1 now counts 2 and holds 2
    var handleKey = GcFixture.KEYS.handle(new org.calicomesos.ports.model.HandleId("u1"));
    var entry = fixture.memory.get(handleKey).orElseThrow();
    // A release cut short between its block write and its handle write: the block freed one, the count says 3.
    fixture.memory.update(handleKey, entry.value().replace(":2", ":3"), entry.revision());
    assertThat(host.check.check().problems()).extracting(IpamProblem::kind).contains(IpamProblem.Kind.HANDLE_MISMATCH);

    assertThat(outcomes(host.collect(Duration.ZERO))).containsExactly(LeakKind.STALE_HANDLE_COUNT + " FREED");

    assertThat(fixture.memory.get(handleKey).orElseThrow().value()).contains(":2");
    assertThat(host.check.check().clean()).isTrue();
  }

  @Test
  void aDryRunFreesNothingAndRemembersNothing() {
    host.allocate("u1");
    long revision = fixture.memory.list("/").revision();

    assertThat(outcomes(host.dryRun(Duration.ZERO))).containsExactly(LeakKind.PENDING_ALLOCATION + " WOULD_FREE");
    assertThat(fixture.memory.list("/").revision()).isEqualTo(revision);
  }

  @Test
  void aPortClaimWithoutItsEndpointRecordIsReleasedAfterItsGrace() {
    ContainerId crashed = new ContainerId("c7");
    claims().claim(new PortClaim(crashed, EndpointId.of(crashed)), List.of(TCP_8080));
    String key = GcFixture.KEYS.portClaim(GcFixture.NODE, TransportProtocol.TCP, 8080);

    CollectionReport first = host.collect(HOUR);
    assertThat(outcomes(first)).containsExactly(LeakKind.STALE_PORT_CLAIM + " WAITING");
    assertThat(first.leaks().get(0).subject()).isEqualTo("host port tcp 8080");
    assertThat(first.leaks().get(0).reason()).contains("container c7");
    assertThat(host.check.check().problems()).as("within the grace it may be an ADD on its way").isEmpty();
    fixture.clock.advance(HOUR);
    assertThat(host.check.check().problems()).extracting(IpamProblem::kind, IpamProblem::subject)
        .containsExactly(tuple(IpamProblem.Kind.STALE_PORT_CLAIM, "host port tcp 8080"));

    assertThat(outcomes(host.collect(HOUR))).containsExactly(LeakKind.STALE_PORT_CLAIM + " FREED");
    assertThat(fixture.memory.get(key)).isEmpty();
    assertThat(fixture.memory.get(GcFixture.KEYS.leakMarks(GcFixture.NODE))).isEmpty();
  }

  @Test
  void aPortClaimWhoseEndpointRecordExistsIsNoCandidate() {
    host.isolate("c1", host.allocate("u1"));
    ContainerId container = new ContainerId("c1");
    claims().claim(new PortClaim(container, EndpointId.of(container)), List.of(TCP_8080));

    assertThat(host.collect(Duration.ZERO).leaks()).isEmpty();
    assertThat(fixture.memory.list(GcFixture.KEYS.portClaimPrefix(GcFixture.NODE)).entries()).hasSize(1);
  }

  @Test
  void aDeadEndpointFreedTakesItsPortClaimsWithIt() {
    host.isolate("c1", host.allocate("u1"));
    ContainerId container = new ContainerId("c1");
    claims().claim(new PortClaim(container, EndpointId.of(container)), List.of(TCP_8080));
    fixture.dataplane.unplumb(new InterfaceName(EndpointId.of(container).hostInterfaceName()));

    assertThat(outcomes(host.collect(Duration.ZERO))).containsExactly(LeakKind.DEAD_ENDPOINT + " FREED");
    assertThat(fixture.memory.list(GcFixture.KEYS.portClaimPrefix(GcFixture.NODE)).entries()).isEmpty();
  }

  @Test
  void aPortClaimMadeAgainAfterItWasJudgedIsLeftAlone() {
    ContainerId crashed = new ContainerId("c7");
    PortClaim owner = new PortClaim(crashed, EndpointId.of(crashed));
    claims().claim(owner, List.of(TCP_8080));
    host.collect(HOUR);
    String key = GcFixture.KEYS.portClaim(GcFixture.NODE, TransportProtocol.TCP, 8080);
    fixture.memory.delete(key, fixture.memory.get(key).orElseThrow().revision());
    claims().claim(owner, List.of(TCP_8080)); // a new claim: its grace starts over
    fixture.clock.advance(HOUR);

    assertThat(outcomes(host.collect(HOUR))).containsExactly(LeakKind.STALE_PORT_CLAIM + " WAITING");
    assertThat(fixture.memory.get(key)).isPresent();
  }

  private PortClaims claims() {
    return new PortClaims(fixture.memory, GcFixture.KEYS, GcFixture.NODE);
  }

  private static List<String> outcomes(CollectionReport report) {
    return report.leaks().stream().map(leak -> leak.kind() + " " + leak.outcome()).toList();
  }
}
