package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * Random but valid host policies, the same for the same seed: endpoints with any valid interface name, zero to two
 * addresses of each family, profiles with every shape of rule, a third of them with port mappings of every protocol
 * (two host ports to one container port among them), and random lists of network policies in each direction;
 * policies (some with names too long for a readable chain name) whose rules have every action, protocol (ICMP with
 * type and code among them), nets and notNets of both families (mixed families that can never match too), tags,
 * selectors, ports and notPorts ranges; tags that are hostile text or plain words, and selectors that compare a label
 * to such text; tag and selector sets with duplicate and nested members; pools of both families, some overlapping,
 * some of them NAT outgoing.
 */
final class RandomPolicies {
  private static final String HOSTILE = ";}{\"'\\\n\t #@$*!<>|&`()[]=:/,.-_üßж中🙂\u0000\u202e";
  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

  /** Where {@link #endpointAddresses} takes addresses from. */
  private static final IPAddress V4_ENDPOINTS = Policies.ip("198.18.0.0/15");
  private static final IPAddress V6_ENDPOINTS = Policies.ip("fd00:c0de::/32");

  private final Random random;
  private int nextHostPort = 1024;

  private RandomPolicies(long seed) {
    this.random = new Random(seed);
  }

  static HostPolicy generate(long seed, int endpoints) {
    return new RandomPolicies(seed).policy(endpoints);
  }

  private HostPolicy policy(int endpointCount) {
    List<String> tags = tags(Math.max(10, endpointCount / 10));
    // Hostile text where a selector may hold any: in a quoted value (the parser refuses it in a key).
    List<Selector> selectors = tags(8).stream()
        .map(text -> Selector.parse("role == \"" + text.replace("\"", "") + "\"")).distinct().toList();
    List<PolicyRules> policies = new ArrayList<>();
    for (PolicyName name : policyNames(3 + random.nextInt(6))) {
      policies.add(new PolicyRules(name, rules(tags, selectors, 4, true), rules(tags, selectors, 3, true)));
    }
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (InterfaceName name : interfaceNames(endpointCount)) {
      endpoints.add(new EndpointPolicy(name, endpointAddresses(endpoints.size()), profiles(tags, selectors),
          portMappings(), policyList(policies), policyList(policies)));
    }
    List<TagSet> tagSets = tags.stream().map(tag -> new TagSet(tag, members(endpoints))).toList();
    List<SelectorSet> selectorSets = selectors.stream()
        .map(selector -> new SelectorSet(selector, members(endpoints))).toList();
    Set<PolicyName> used = new HashSet<>();
    endpoints.forEach(endpoint -> {
      used.addAll(endpoint.ingressPolicies());
      used.addAll(endpoint.egressPolicies());
    });
    return new HostPolicy(endpoints, tagSets, selectorSets,
        policies.stream().filter(policy -> used.contains(policy.name())).toList(), nat());
  }

  /** Endpoints' addresses and random nets, with a member twice and a prefix inside another half of the time. */
  private List<IPAddress> members(List<EndpointPolicy> endpoints) {
    List<IPAddress> members = new ArrayList<>();
    for (int i = random.nextInt(40); i > 0; i--) {
      members.add(random.nextInt(3) == 0 ? net() : endpoints.get(random.nextInt(endpoints.size())).addresses()
          .stream().findFirst().orElseGet(this::net));
    }
    if (!members.isEmpty() && random.nextBoolean()) {
      // auto-merge must cope with a member twice and with a prefix inside another
      IPAddress first = members.get(0);
      members.add(first);
      members.add(inside(first));
    }
    return members;
  }

  /** DNS subdomains, some of them too long for {@code pi_<name>} to stay a short chain name. */
  private List<PolicyName> policyNames(int count) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      String word = word().replace('_', '-') + "." + word().replace('_', '.');
      names.add((random.nextInt(4) == 0 ? word + "-" + "x".repeat(30) : word).replaceAll("[.-]+$", "")
          .replaceAll("\\.\\.+", "."));
    }
    return names.stream().map(PolicyName::new).toList();
  }

  /** Up to four of the policies, in random order; none for half of the endpoints. */
  private List<PolicyName> policyList(List<PolicyRules> policies) {
    if (random.nextBoolean()) {
      return List.of();
    }
    List<PolicyName> names = new ArrayList<>(policies.stream().map(PolicyRules::name).toList());
    Collections.shuffle(names, random);
    return List.copyOf(names.subList(0, 1 + random.nextInt(Math.min(4, names.size()))));
  }

  private List<PortMapping> portMappings() {
    List<PortMapping> mappings = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      int containerPort = 1 + random.nextInt(PortMapping.MAX_PORT);
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        TransportProtocol protocol = TransportProtocol.values()[random.nextInt(TransportProtocol.values().length)];
        mappings.add(new PortMapping(nextHostPort++, random.nextBoolean() ? containerPort : 1 + random.nextInt(100),
            protocol));
      }
    }
    return mappings;
  }

  /** The endpoints' own ranges, a net inside one of them, and random nets; some NAT outgoing. */
  private HostNat nat() {
    Set<IPAddress> pools = new TreeSet<>(List.of(V4_ENDPOINTS, V6_ENDPOINTS));
    pools.add(inside(random.nextBoolean() ? V4_ENDPOINTS : V6_ENDPOINTS));
    for (int i = random.nextInt(4); i > 0; i--) {
      pools.add(net());
    }
    List<IPAddress> natOutgoing = pools.stream().filter(pool -> random.nextBoolean()).toList();
    return new HostNat(List.copyOf(pools), natOutgoing);
  }

  private List<String> tags(int count) {
    Set<String> tags = new LinkedHashSet<>();
    while (tags.size() < count) {
      tags.add(random.nextBoolean() ? word() : hostile());
    }
    return List.copyOf(tags);
  }

  private String word() {
    StringBuilder word = new StringBuilder().append((char) ('a' + random.nextInt(26)));
    for (int i = random.nextInt(20); i > 0; i--) {
      word.append("abcdefghijklmnopqrstuvwxyz0123456789_".charAt(random.nextInt(37)));
    }
    return word.toString();
  }

  private String hostile() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(random.nextInt(10) == 0 ? 300 : 20); i >= 0; i--) {
      text.appendCodePoint(random.nextBoolean() ? HOSTILE.codePointAt(HOSTILE.offsetByCodePoints(0,
          random.nextInt(HOSTILE.codePointCount(0, HOSTILE.length())))) : 'a' + random.nextInt(26));
    }
    return text.toString();
  }

  private List<InterfaceName> interfaceNames(int count) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(random.nextInt(4) > 0 ? String.format("cali%011x", random.nextLong(1L << 44)) : anyValidName());
    }
    return names.stream().map(InterfaceName::new).toList();
  }

  private String anyValidName() {
    StringBuilder name = new StringBuilder().append(NAME_CHARS.charAt(random.nextInt(62)));
    for (int i = random.nextInt(InterfaceName.MAX_LENGTH); i > 0; i--) {
      char next = NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length()));
      if (!(next == '.' && name.charAt(name.length() - 1) == '.')) {
        name.append(next);
      }
    }
    return name.toString();
  }

  private List<IPAddress> endpointAddresses(int index) {
    List<IPAddress> addresses = new ArrayList<>();
    int v4 = random.nextInt(3);
    int v6 = random.nextInt(3);
    for (int i = 0; i < v4; i++) {
      addresses.add(new IPv4Address((198 << 24 | 18 << 16) + index * 2 + i));
    }
    for (int i = 0; i < v6; i++) {
      byte[] bytes = new byte[16];
      bytes[0] = (byte) 0xfd;
      bytes[2] = (byte) 0xc0;
      bytes[3] = (byte) 0xde;
      bytes[12] = (byte) (index >> 8);
      bytes[13] = (byte) index;
      bytes[15] = (byte) i;
      addresses.add(new IPv6Address(bytes));
    }
    return addresses;
  }

  private List<ProfilePolicy> profiles(List<String> tags, List<Selector> selectors) {
    List<ProfilePolicy> profiles = new ArrayList<>();
    for (int p = random.nextInt(4); p >= 0; p--) {
      profiles.add(new ProfilePolicy(new ProfileName("profile-" + random.nextInt(1000)),
          rules(tags, selectors, 5, false), rules(tags, selectors, 3, false)));
    }
    return profiles;
  }

  private List<Rule> rules(List<String> tags, List<Selector> selectors, int most, boolean mayPass) {
    List<Rule> rules = new ArrayList<>();
    for (int r = random.nextInt(most + 1); r > 0; r--) {
      rules.add(rule(tags, selectors, mayPass));
    }
    return rules;
  }

  /** Any valid rule: every action, a protocol or none, ICMP type and code, and two random sides. */
  private Rule rule(List<String> tags, List<Selector> selectors, boolean mayPass) {
    RuleAction action = RuleAction.values()[random.nextInt(mayPass ? 4 : 3)];
    Optional<RuleProtocol> protocol = switch (random.nextInt(8)) {
      case 0 -> Optional.of(RuleProtocol.TCP);
      case 1 -> Optional.of(RuleProtocol.UDP);
      case 2 -> Optional.of(RuleProtocol.ICMP);
      case 3 -> Optional.of(RuleProtocol.ICMPV6);
      case 4 -> Optional.of(RuleProtocol.SCTP);
      case 5 -> Optional.of(new RuleProtocol(47));
      default -> Optional.empty();
    };
    Optional<IcmpMatch> icmp = protocol.flatMap(RuleProtocol::family).isPresent() && random.nextBoolean()
        ? Optional.of(new IcmpMatch(random.nextInt(256),
            random.nextBoolean() ? OptionalInt.of(random.nextInt(256)) : OptionalInt.empty()))
        : Optional.empty();
    Optional<IpFamily> only = protocol.flatMap(RuleProtocol::family);
    boolean ports = protocol.isPresent() && protocol.get().hasPorts();
    return new Rule(action, protocol, icmp, side(tags, selectors, only, ports, mayPass),
        side(tags, selectors, only, ports, mayPass));
  }

  /**
   * One side of a rule; {@code several} lists of nets and ports for policies' rules, one of each for profiles', since
   * nft takes long over thousands of anonymous interval sets and profiles are per endpoint.
   */
  private RuleEntity side(List<String> tags, List<Selector> selectors, Optional<IpFamily> only, boolean ports,
      boolean several) {
    int most = several ? 3 : 1;
    List<IPAddress> nets = random.nextInt(3) == 0 ? nets(only, most) : List.of();
    List<IPAddress> notNets = random.nextInt(4) == 0 ? nets(Optional.empty(), most) : List.of();
    Optional<Selector> selector = random.nextInt(3) == 0
        ? Optional.of(selectors.get(random.nextInt(selectors.size()))) : Optional.empty();
    Optional<String> tag = random.nextInt(3) == 0 ? Optional.of(tags.get(random.nextInt(tags.size())))
        : Optional.empty();
    return new RuleEntity(nets, notNets, selector, tag, ports && random.nextBoolean() ? portRanges(most) : List.of(),
        ports && random.nextInt(3) == 0 ? portRanges(most) : List.of());
  }

  /** One to {@code most} nets, of {@code only} if given (else either family), overlapping at times. */
  private List<IPAddress> nets(Optional<IpFamily> only, int most) {
    List<IPAddress> nets = new ArrayList<>();
    for (int i = 1 + random.nextInt(most); i > 0; i--) {
      IPAddress net;
      do {
        net = net();
      } while (only.isPresent() && (only.get() == IpFamily.V4) != net.isIPv4());
      nets.add(net);
    }
    if (most > 1 && random.nextInt(4) == 0) {
      nets.add(inside(nets.get(0)));
    }
    return nets;
  }

  private List<PortRange> portRanges(int most) {
    List<PortRange> ranges = new ArrayList<>();
    for (int i = 1 + random.nextInt(most); i > 0; i--) {
      int first = random.nextInt(65536);
      ranges.add(random.nextBoolean() ? PortRange.of(first) : new PortRange(first, first + random.nextInt(65536 - first)));
    }
    return ranges;
  }

  /** A narrower block at the start of {@code block}, or the address itself if it is one. */
  private static IPAddress inside(IPAddress block) {
    Integer length = block.getNetworkPrefixLength();
    return length == null || length == block.getBitCount() ? block
        : block.getLower().setPrefixLength(Math.min(block.getBitCount(), length + 3), false).toPrefixBlock();
  }

  /** A random prefix block of either family (a full-length one is a single address). */
  private IPAddress net() {
    if (random.nextBoolean()) {
      int bits = 8 + random.nextInt(25);
      return new IPv4Address(random.nextInt(), bits).toPrefixBlock();
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0xfd;
    return new IPv6Address(bytes, 16 + random.nextInt(113)).toPrefixBlock();
  }
}
