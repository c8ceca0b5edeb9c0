package org.calicomesos.testkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.testkit.policy.ContractPolicies.egressPolicy;
import static org.calicomesos.testkit.policy.ContractPolicies.endpoint;
import static org.calicomesos.testkit.policy.ContractPolicies.ingressPolicy;
import static org.calicomesos.testkit.policy.ContractPolicies.mapped;
import static org.calicomesos.testkit.policy.ContractPolicies.netgroup;
import static org.calicomesos.testkit.policy.ContractPolicies.nets;
import static org.calicomesos.testkit.policy.ContractPolicies.only;
import static org.calicomesos.testkit.policy.ContractPolicies.policy;
import static org.calicomesos.testkit.policy.ContractPolicies.pools;
import static org.calicomesos.testkit.policy.ContractPolicies.profile;
import static org.calicomesos.testkit.policy.ContractPolicies.publicProfile;
import static org.calicomesos.testkit.policy.ContractPolicies.rule;
import static org.calicomesos.testkit.policy.ContractPolicies.selectorSet;
import static org.calicomesos.testkit.policy.ContractPolicies.tagSet;
import static org.calicomesos.testkit.policy.ContractPolicies.tcp;
import static org.calicomesos.testkit.policy.ContractPolicies.withPolicies;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.RootUser;
import org.calicomesos.testkit.dataplane.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link PolicyDataplane} must show, as real TCP (and UDP) between real containers plumbed by
 * {@link WorkloadFixture}, and as nftables state read with the {@code nft} command. Each test gets an adapter on a
 * table of its own ({@code calico_mesos_t} + random hex), so a real agent's {@code calico_mesos} is never touched;
 * everything a test creates — workloads, host addresses, our table, a foreign table — is removed afterwards, also
 * when it fails. Needs root and nft: without them the suite fails rather than skips.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class PolicyDataplaneContract {
  /** A fresh adapter that enforces into {@code table inet <table>} and touches no other table. */
  protected abstract PolicyDataplane dataplane(String table);

  private final List<String> tables = new ArrayList<>();
  private String table;
  private PolicyDataplane dataplane;
  private WorkloadFixture workloads;

  @BeforeAll
  static void requireRoot() {
    RootUser.require("the policy contract changes nftables and plumbs namespaces");
  }

  @BeforeEach
  final void setUp() {
    // Another policy table (a real agent's, or a second run of this suite) drops the traffic of every cali*
    // interface it does not name, ours included: the results would be its, not the adapter's.
    assertThat(NftFacts.tables()).as("policy tables already on this host; the contract needs a host without any")
        .noneMatch(name -> name.startsWith("inet calico_mesos"));
    table = testTable("calico_mesos_t");
    dataplane = dataplane(table);
    workloads = new WorkloadFixture();
  }

  @AfterEach
  final void tearDown() {
    try {
      tables.forEach(NftFacts::deleteTable);
    } finally {
      workloads.close();
    }
  }

  // 1. Netgroups, public, the host

  @Test
  void aNetgroupsMembersReachEachOtherAndNobodyElse() {
    Workload a = workloads.workload("prod-a");
    Workload b = workloads.workload("prod-b");
    Workload c = workloads.workload("dev-c");

    dataplane.enforce(prodAndDev(a, b, c));

    new Expectations()
        .reaches(a, b).reaches(b, a)
        .cannotReach(c, a).cannotReach(c, b).cannotReach(a, c).cannotReach(b, c)
        .hostCannotReach(a)
        .verify();
  }

  @Test
  void anAllowAllInboundRuleAdmitsEveryone() {
    Workload a = workloads.workload("prod-a");
    Workload b = workloads.workload("prod-b");
    Workload c = workloads.workload("dev-c");
    Workload open = workloads.workload("public-d");

    dataplane.enforce(prodAndDev(a, b, c, open));

    new Expectations()
        .reaches(a, open).reaches(b, open).reaches(c, open).hostReaches(open)
        .cannotReach(open, a).cannotReach(open, c)
        .verify();
  }

  @Test
  void theHostReachesOnlyEndpointsThatAdmitItsSourceAddress() {
    Workload admitting = workloads.workload("admits-host");
    Workload refusing = workloads.workload("admits-other");
    IPAddress host4 = Probes.hostSourceFor(admitting.ipv4());
    IPAddress host6 = Probes.hostSourceFor(admitting.ipv6());
    List<Rule> fromHost = List.of(Rule.allowFromNet(only(host4)), Rule.allowFromNet(only(host6)));
    List<Rule> fromElsewhere = List.of(Rule.allowFromNet(TestNetwork.address("192.0.2.254/32")),
        Rule.allowFromNet(TestNetwork.address("fd00:c0de:ffff::1/128")));

    dataplane.enforce(policy(
        List.of(endpoint(admitting, profile("default_host", fromHost, List.of())),
            endpoint(refusing, profile("default_other", fromElsewhere, List.of()))),
        List.of()));

    new Expectations().hostReaches(admitting).hostCannotReach(refusing).verify();
  }

  @Test
  void aWorkloadReachesTheHostOnlyWhereItsOutboundRulesAllow() {
    Workload toHost = workloads.workload("to-host");
    Workload toElsewhere = workloads.workload("to-elsewhere");
    Workload open = workloads.workload("public");
    try (HostListener host4 = HostListener.start(workloads.hostAddress(false));
        HostListener host6 = HostListener.start(workloads.hostAddress(true))) {
      List<Rule> out = List.of(Rule.allowToNet(only(host4.address())), Rule.allowToNet(only(host6.address())));
      List<Rule> outElsewhere = List.of(Rule.allowToNet(TestNetwork.address("192.0.2.254/32")),
          Rule.allowToNet(TestNetwork.address("fd00:c0de:ffff::1/128")));

      dataplane.enforce(policy(
          List.of(endpoint(toHost, profile("to_host", List.of(), out)),
              endpoint(toElsewhere, profile("to_elsewhere", List.of(), outElsewhere)),
              endpoint(open, publicProfile())),
          List.of()));

      new Expectations()
          .reachesHost(toHost, host4).reachesHost(toHost, host6)
          .cannotReachHost(toElsewhere, host4).cannotReachHost(toElsewhere, host6)
          .cannotReach(toHost, open).cannotReach(toElsewhere, open)
          .verify();
    }
  }

  // 2. Fail closed

  @Test
  void anInterfaceNoPolicyNamesCanNeitherSendNorReceiveUntilAPolicyNamesIt() {
    Workload known = workloads.workload("known");
    dataplane.enforce(policy(List.of(endpoint(known, publicProfile())), List.of()));
    Workload stranger = workloads.workload("stranger");

    new Expectations()
        .cannotReach(stranger, known).cannotReach(known, stranger).hostCannotReach(stranger)
        .verify();
    // Neighbour discovery still works both ways, or the container could not even find its gateway.
    assertThat(stranger.container().run("ip", "-6", "neigh", "show", "dev", "eth0"))
        .contains(WorkloadFixture.HOST_LINK_LOCAL + " lladdr ee:ee:ee:ee:ee:ee");
    assertThat(KernelCommand.run("ip", "-6", "neigh", "show", "dev", stranger.hostInterface().value()))
        .contains(stranger.ipv6().toCanonicalString() + " lladdr");

    dataplane.enforce(policy(List.of(endpoint(known, publicProfile()), endpoint(stranger, publicProfile())),
        List.of()));

    new Expectations().reaches(stranger, known).reaches(known, stranger).hostReaches(stranger).verify();
  }

  // 3. Replacing and changing

  @Test
  void enforcingTheSamePolicyAgainChangesNothingAndAChangedTagSetTakesEffect() {
    Workload a = workloads.workload("prod-a");
    Workload b = workloads.workload("prod-b");
    List<EndpointPolicy> endpoints = List.of(endpoint(a, netgroup("prod", "prod")), endpoint(b, netgroup("prod", "prod")));

    dataplane.enforce(policy(endpoints, List.of(tagSet("prod", a, b))));
    String first = NftFacts.listTable(table);
    dataplane.enforce(policy(endpoints, List.of(tagSet("prod", a, b))));

    assertThat(NftFacts.listTable(table)).isEqualTo(first);
    new Expectations().reaches(a, b).reaches(b, a).verify();

    // b leaves the netgroup's tag: new connections from b are refused; a, still tagged, still gets in.
    // (Connections established before need not be cut: the policy admits flows, it does not end them.)
    dataplane.enforce(policy(endpoints, List.of(tagSet("prod", a))));

    assertThat(NftFacts.listTable(table)).isNotEqualTo(first);
    new Expectations().cannotReach(b, a).reaches(a, b).verify();
  }

  // 4. Our table only

  @Test
  void anotherProgramsTableIsLeftExactlyAsItWas() {
    String foreign = testTable("ctst_foreign_");
    NftFacts.createForeignTable(foreign);
    String before = NftFacts.listTable(foreign);
    Workload a = workloads.workload("a");

    dataplane.enforce(policy(List.of(endpoint(a, publicProfile())), List.of()));
    assertThat(NftFacts.listTable(foreign)).isEqualTo(before);
    dataplane.withdraw();

    assertThat(NftFacts.listTable(foreign)).isEqualTo(before);
    assertThat(NftFacts.tableExists(table)).isFalse();
  }

  @Test
  void withdrawRemovesOurTableLiftsThePolicyAndIsIdempotent() {
    Workload closed = workloads.workload("admits-nobody");
    dataplane.enforce(policy(List.of(endpoint(closed, profile("nobody", List.of(), List.of()))), List.of()));
    assertThat(NftFacts.tableExists(table)).isTrue();
    new Expectations().hostCannotReach(closed).verify();

    dataplane.withdraw();
    dataplane.withdraw();

    assertThat(NftFacts.tableExists(table)).isFalse();
    new Expectations().hostReaches(closed).verify();
    String never = testTable("calico_mesos_t");
    dataplane(never).withdraw();
    assertThat(NftFacts.tableExists(never)).isFalse();
  }

  // 5. Tags are text from the datastore

  @Test
  void hostileTagsNeverReachTheRulesetAndStillSelectTheirMembers() {
    List<String> tags = List.of("a;b", "x}", "\"q\"", "new\nline", "t".repeat(200), "netgröup-ü");
    List<Workload> members = new ArrayList<>();
    List<TagSet> tagSets = new ArrayList<>();
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      Workload member = workloads.workload("member-of-tag-" + i);
      members.add(member);
      tagSets.add(tagSet(tags.get(i), member));
      endpoints.add(endpoint(member, profile("out", List.of(), List.of(Rule.ALLOW_ALL))));
    }
    Workload even = workloads.workload("admits-even-tags");
    Workload odd = workloads.workload("admits-odd-tags");
    endpoints.add(endpoint(even, profile("even", fromTags(tags, 0), List.of())));
    endpoints.add(endpoint(odd, profile("odd", fromTags(tags, 1), List.of())));

    dataplane.enforce(policy(endpoints, tagSets));

    Expectations expectations = new Expectations();
    for (int i = 0; i < members.size(); i++) {
      Workload member = members.get(i);
      if (i % 2 == 0) {
        expectations.reaches(member, even).cannotReach(member, odd);
      } else {
        expectations.reaches(member, odd).cannotReach(member, even);
      }
    }
    expectations.verify();
    String listed = NftFacts.listTable(table);
    for (String tag : tags) {
      assertThat(listed).as("the listed table holds tag %s", tag).doesNotContain(tag);
    }
  }

  // 6. Anti-spoofing

  @Test
  void aWorkloadCannotSendFromAnotherWorkloadsAddress() {
    Workload owner = workloads.workload("prod-owner");
    Workload peer = workloads.workload("prod-peer");
    Workload spoofer = workloads.workload("dev-spoofer");
    dataplane.enforce(prodAndDev(owner, peer, spoofer));
    spoofer.container().run("ip", "addr", "add", owner.ipv4() + "/32", "dev", "eth0");
    spoofer.container().run("ip", "-6", "addr", "add", owner.ipv6() + "/128", "dev", "eth0", "nodad");

    for (int family = 0; family < 2; family++) {
      boolean ipv6 = family == 1;
      IPAddress ownersAddress = owner.addresses().get(family);
      IPAddress target = peer.addresses().get(family);
      long before = UdpDeliveries.received(peer.container(), ipv6);

      // The spoofed datagram goes first: were it let through, the peer would count two.
      UdpDeliveries.send(spoofer.container(), ownersAddress, target);
      UdpDeliveries.send(owner.container(), ownersAddress, target);

      UdpDeliveries.awaitReceived(peer.container(), ipv6, before + 1);
      assertThat(UdpDeliveries.received(peer.container(), ipv6))
          .as("datagrams the peer received from %s, once sent by its owner and once by %s", ownersAddress, spoofer)
          .isEqualTo(before + 1);
    }
  }

  // 7. NAT outgoing

  @Test
  void natOutgoingMasqueradesTrafficToTheWorldWhileOnButNeverTrafficToAPool() {
    Workload natted = workloads.workload("nat-outgoing");
    Workload other = workloads.workload("other-pool");
    World world = workloads.world();
    List<IPAddress> pools = pools(natted, other);
    List<EndpointPolicy> endpoints = List.of(endpoint(natted, publicProfile()), endpoint(other, publicProfile()));

    dataplane.enforce(policy(endpoints, List.of(), new HostNat(pools, pools(natted))));

    // Another pool sees the container's own address.
    new Expectations().reachesWorld(natted, world, true).reaches(natted, other).verify();

    dataplane.enforce(policy(endpoints, List.of(), new HostNat(pools, List.of())));

    new Expectations().reachesWorld(natted, world, false).verify();
  }

  // 8. Port mappings

  @Test
  void aMappedPortReachesTheContainerFromOutsideTheHostAndItselfWhateverItsProfilesSayButNotFromLoopback() {
    Workload server = workloads.workload("mapped-server");
    Workload client = workloads.workload("client");
    World world = workloads.world();
    List<ContainerListener> listeners = List.of(server.listener(server.ipv4()), server.listener(server.ipv6()));
    int hostPort = ThreadLocalRandom.current().nextInt(10_000, 20_000);
    // A port per family, since each listener has a port of its own; each mapping holds in both families.
    EndpointPolicy mapped = mapped(
        endpoint(server, profile("admits_nobody", List.of(), List.of(Rule.ALLOW_ALL))),
        tcp(hostPort, listeners.get(0).port()), tcp(hostPort + 1, listeners.get(1).port()));
    HostNat nat = new HostNat(pools(server, client), List.of());
    EndpointPolicy clientEndpoint = endpoint(client, publicProfile());

    dataplane.enforce(policy(List.of(mapped, clientEndpoint), List.of(), nat));

    Expectations expectations = new Expectations();
    for (ContainerListener listener : listeners) {
      boolean ipv6 = listener.address().isIPv6();
      IPAddress host = World.hostAddress(ipv6);
      int port = ipv6 ? hostPort + 1 : hostPort;
      String mapping = host + " port " + port;
      IPAddress outside = World.address(ipv6);
      IPAddress clientAddress = ipv6 ? client.ipv6() : client.ipv4();
      IPAddress loopback = TestNetwork.address(ipv6 ? "::1" : "127.0.0.1");
      expectations
          .open("world -> " + mapping, () -> Probes.connect(world.container(), outside, host, port), outside)
          .closed("world -> " + server + " directly",
              () -> Probes.connect(world.container(), outside, listener.address(), listener.port()))
          .open("host -> " + mapping, () -> Probes.connectFromHost(host, port), host)
          .closed("host -> " + loopback + " port " + port, () -> Probes.connectFromHost(loopback, port))
          .openMasqueraded(server + " -> " + mapping + ", itself",
              () -> Probes.connect(server.container(), listener.address(), host, port))
          .open(client + " -> " + mapping,
              () -> Probes.connect(client.container(), clientAddress, host, port), clientAddress);
    }
    expectations.verify();

    dataplane.enforce(policy(List.of(clientEndpoint), List.of(), nat));

    for (boolean ipv6 : List.of(false, true)) {
      IPAddress host = World.hostAddress(ipv6);
      int port = ipv6 ? hostPort + 1 : hostPort;
      IPAddress clientAddress = ipv6 ? client.ipv6() : client.ipv4();
      expectations
          .closed("world -> " + host + " port " + port + " unmapped",
              () -> Probes.connect(world.container(), World.address(ipv6), host, port))
          .closed("host -> " + host + " port " + port + " unmapped", () -> Probes.connectFromHost(host, port))
          .closed(client + " -> " + host + " port " + port + " unmapped",
              () -> Probes.connect(client.container(), clientAddress, host, port));
    }
    expectations.verify();
  }

  // 9. Network policies

  @Test
  void aPolicyAdmitsOnlyTcp5432FromItsSelectorsMembersAndLeaksNoMark() {
    Workload db = workloads.workload("db");
    Workload app = workloads.workload("app");
    Workload stranger = workloads.workload("stranger");
    NftFacts.createMarkWatcher(testTable("ctst_marks_"));
    Selector apps = Selector.parse("has(app)");
    PolicyRules postgres = ingressPolicy("postgres", new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP),
        Optional.empty(), RuleEntity.selector(apps), RuleEntity.ports(PortRange.of(5432))));
    List<ContainerListener> ports = List.of(ContainerListener.reportingPeerOnPort(db.container(), db.ipv4(), 5432),
        ContainerListener.reportingPeerOnPort(db.container(), db.ipv6(), 5432));

    dataplane.enforce(policy(List.of(withPolicies(endpoint(db, publicProfile()), List.of(postgres), List.of()),
        endpoint(app, publicProfile()), endpoint(stranger, publicProfile())),
        List.of(selectorSet(apps, app)), List.of(postgres), HostNat.NONE));

    Expectations expectations = new Expectations();
    for (ContainerListener port : ports) {
      IPAddress fromApp = port.address().isIPv6() ? app.ipv6() : app.ipv4();
      IPAddress fromStranger = port.address().isIPv6() ? stranger.ipv6() : stranger.ipv4();
      expectations.open(app + " -> db 5432 " + port.address(), () -> Probes.connect(app, fromApp, port), fromApp)
          .closed(stranger + " -> db 5432 " + port.address(), () -> Probes.connect(stranger, fromStranger, port));
    }
    // Another port of the member's, the profile's allow-all not consulted; the allowed ones leave no mark behind.
    expectations.cannotReach(app, db).reaches(db, app).reaches(app, stranger).verify();
  }

  @Test
  void anEgressDenyToANetHoldsWhileEverythingElseIsAllowed() {
    Workload source = workloads.workload("egress-src");
    Workload denied = workloads.workload("denied-dst");
    Workload other = workloads.workload("other-dst");
    PolicyRules fence = egressPolicy("fence", rule(RuleAction.DENY, Optional.empty(), RuleEntity.ANY, nets(denied)),
        Rule.ALLOW_ALL);

    dataplane.enforce(policy(List.of(withPolicies(endpoint(source, publicProfile()), List.of(), List.of(fence)),
        endpoint(denied, publicProfile()), endpoint(other, publicProfile())), List.of(), List.of(fence),
        HostNat.NONE));

    new Expectations().cannotReach(source, denied).reaches(source, other).reaches(denied, source).verify();
  }

  @Test
  void aDenyPolicyOverridesAProfilesAllowAndPassLetsTheProfilesDecide() {
    Workload open = workloads.workload("open-target");
    Workload closed = workloads.workload("closed-target");
    Workload bad = workloads.workload("bad");
    Workload good = workloads.workload("good");
    NftFacts.createMarkWatcher(testTable("ctst_marks_"));
    Selector bads = Selector.parse("has(bad)");
    PolicyRules blocklist = ingressPolicy("blocklist",
        rule(RuleAction.DENY, Optional.empty(), RuleEntity.selector(bads), RuleEntity.ANY),
        Rule.ALLOW_ALL.withAction(RuleAction.PASS));

    dataplane.enforce(policy(List.of(
        withPolicies(endpoint(open, publicProfile()), List.of(blocklist), List.of()),
        withPolicies(endpoint(closed, profile("admits_nobody", List.of(), List.of(Rule.ALLOW_ALL))),
            List.of(blocklist), List.of()),
        endpoint(bad, publicProfile()), endpoint(good, publicProfile())),
        List.of(selectorSet(bads, bad)), List.of(blocklist), HostNat.NONE));

    // What passed reaches the profiles without the pass bit: the mark watcher would drop it otherwise.
    new Expectations()
        .cannotReach(bad, open).reaches(good, open)
        .cannotReach(bad, closed).cannotReach(good, closed)
        .verify();
  }

  @Test
  void aPassSkipsTheRemainingPoliciesAndAPolicyWithNoMatchingRuleDenies() {
    Workload target = workloads.workload("target");
    Workload passer = workloads.workload("passer");
    Workload other = workloads.workload("other");
    Workload unmatched = workloads.workload("unmatched-target");
    Selector passers = Selector.parse("has(passer)");
    PolicyRules first = ingressPolicy("first",
        rule(RuleAction.PASS, Optional.empty(), RuleEntity.selector(passers), RuleEntity.ANY));
    PolicyRules second = ingressPolicy("second", Rule.ALLOW_ALL);
    PolicyRules nobody = ingressPolicy("nobody", rule(RuleAction.ALLOW, Optional.empty(), nets(passer), nets(passer)));

    dataplane.enforce(policy(List.of(
        withPolicies(endpoint(target, profile("admits_nobody", List.of(), List.of(Rule.ALLOW_ALL))),
            List.of(first, second), List.of()),
        withPolicies(endpoint(unmatched, publicProfile()), List.of(nobody), List.of()),
        endpoint(passer, publicProfile()), endpoint(other, publicProfile())),
        List.of(selectorSet(passers, passer)), List.of(first, second, nobody), HostNat.NONE));

    // The passer skips "second" and meets a profile that admits nobody; the profile's allow-all is never consulted
    // for "nobody", which applies and matches no packet.
    new Expectations()
        .cannotReach(passer, target).reaches(other, target)
        .cannotReach(passer, unmatched).cannotReach(other, unmatched).hostCannotReach(unmatched)
        .verify();
  }

  @Test
  void icmpIsAllowedByTypeWhileTcpIsNot() {
    Workload target = workloads.workload("pinged");
    Workload client = workloads.workload("pinger");
    PolicyRules echo = ingressPolicy("echo",
        new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMP), Optional.of(IcmpMatch.type(8)), RuleEntity.ANY,
            RuleEntity.ANY),
        new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMPV6), Optional.of(IcmpMatch.type(128)),
            RuleEntity.ANY, RuleEntity.ANY));
    PolicyRules otherType = ingressPolicy("echo", new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMP),
        Optional.of(IcmpMatch.type(13)), RuleEntity.ANY, RuleEntity.ANY));
    List<EndpointPolicy> endpoints = List.of(withPolicies(endpoint(target, publicProfile()), List.of(echo), List.of()),
        endpoint(client, publicProfile()));

    dataplane.enforce(policy(endpoints, List.of(), List.of(echo), HostNat.NONE));

    Expectations expectations = new Expectations().cannotReach(client, target);
    for (int family = 0; family < 2; family++) {
      IPAddress source = client.addresses().get(family);
      IPAddress to = target.addresses().get(family);
      expectations.open("echo " + client + " -> " + to, () -> IcmpEcho.ping(client.container(), source, to), source);
    }
    expectations.verify();

    dataplane.enforce(policy(endpoints, List.of(), List.of(otherType), HostNat.NONE));

    new Expectations().closed("echo " + client + " -> " + target.ipv4() + " with only timestamps allowed",
        () -> IcmpEcho.ping(client.container(), client.ipv4(), target.ipv4())).verify();
  }

  @Test
  void udpIsAllowedByPortAndALogRuleChangesNoVerdict() {
    Workload target = workloads.workload("udp-target");
    Workload client = workloads.workload("udp-client");
    Rule log = Rule.ALLOW_ALL.withAction(RuleAction.LOG);
    PolicyRules discard = ingressPolicy("udp", log, new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.UDP),
        Optional.empty(), RuleEntity.ANY, RuleEntity.ports(PortRange.of(9))));
    PolicyRules otherPort = ingressPolicy("udp", log, new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.UDP),
        Optional.empty(), RuleEntity.ANY, RuleEntity.ports(new PortRange(10, 100))));
    List<EndpointPolicy> endpoints = List.of(withPolicies(endpoint(target, publicProfile()), List.of(discard),
        List.of()), endpoint(client, publicProfile()));

    for (PolicyRules policy : List.of(discard, otherPort)) {
      dataplane.enforce(policy(endpoints, List.of(), List.of(policy), HostNat.NONE));
      boolean admitted = policy == discard;
      for (int family = 0; family < 2; family++) {
        boolean ipv6 = family == 1;
        long before = UdpDeliveries.received(target.container(), ipv6);

        UdpDeliveries.send(client.container(), client.addresses().get(family), target.addresses().get(family));

        UdpDeliveries.awaitReceived(target.container(), ipv6, before + 1);
        assertThat(UdpDeliveries.received(target.container(), ipv6)).as("datagrams to port 9, %s", policy)
            .isEqualTo(admitted ? before + 1 : before);
      }
      // The log rule matches TCP too, and TCP is still refused.
      new Expectations().cannotReach(client, target).verify();
    }
  }

  @Test
  void anIngressPolicyNarrowsAPortMapping() {
    Workload server = workloads.workload("mapped-server");
    Workload client = workloads.workload("client");
    World world = workloads.world();
    ContainerListener listener = server.listener(server.ipv4());
    int hostPort = ThreadLocalRandom.current().nextInt(20_000, 30_000);
    EndpointPolicy mapped = mapped(endpoint(server, profile("admits_nobody", List.of(), List.of(Rule.ALLOW_ALL))),
        tcp(hostPort, listener.port()));
    PolicyRules worldOnly = ingressPolicy("world-only", Rule.allowFromNet(only(World.address(false))));
    HostNat nat = new HostNat(pools(server, client), List.of());
    IPAddress host = World.hostAddress(false);
    IPAddress outside = World.address(false);

    dataplane.enforce(policy(List.of(withPolicies(mapped, List.of(worldOnly), List.of()),
        endpoint(client, publicProfile())), List.of(), List.of(worldOnly), nat));

    new Expectations()
        .open("world -> " + host + " port " + hostPort, () -> Probes.connect(world.container(), outside, host,
            hostPort), outside)
        .closed(client + " -> " + host + " port " + hostPort, () -> Probes.connect(client.container(), client.ipv4(),
            host, hostPort))
        .verify();
  }

  // helpers

  /** A table name of this test's own, removed after it. */
  private String testTable(String prefix) {
    String name = prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    tables.add(name);
    return name;
  }

  /** {@code a} and {@code b} in netgroup prod, {@code c} in dev, each {@code open} one public. */
  private static HostPolicy prodAndDev(Workload a, Workload b, Workload c, Workload... open) {
    List<EndpointPolicy> endpoints = new ArrayList<>(List.of(endpoint(a, netgroup("prod", "prod")),
        endpoint(b, netgroup("prod", "prod")), endpoint(c, netgroup("dev", "dev"))));
    List<TagSet> tagSets = new ArrayList<>(List.of(tagSet("prod", a, b), tagSet("dev", c)));
    for (Workload everyone : open) {
      endpoints.add(endpoint(everyone, publicProfile()));
    }
    if (open.length > 0) {
      tagSets.add(tagSet("public", open));
    }
    return policy(endpoints, tagSets);
  }

  private static List<Rule> fromTags(List<String> tags, int parity) {
    List<Rule> rules = new ArrayList<>();
    for (int i = parity; i < tags.size(); i += 2) {
      rules.add(Rule.allowFromTag(tags.get(i)));
    }
    return rules;
  }
}
