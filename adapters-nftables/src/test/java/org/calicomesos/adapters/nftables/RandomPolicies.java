package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.ProfileRule;
import org.calicomesos.ports.policy.TagSet;

/**
 * Random but valid host policies, the same for the same seed: endpoints with any valid interface name, zero to two
 * addresses of each family, profiles with every shape of rule (tags, nets of either family, both, mixed families
 * that can never match, none), a third of them with port mappings of every protocol (two host ports to one
 * container port among them); tags that are hostile text or plain words; tag sets with duplicate and nested
 * members; pools of both families, some overlapping, some of them NAT outgoing.
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
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (InterfaceName name : interfaceNames(endpointCount)) {
      endpoints.add(new EndpointPolicy(name, endpointAddresses(endpoints.size()), profiles(tags), portMappings()));
    }
    List<TagSet> tagSets = new ArrayList<>();
    for (String tag : tags) {
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
      tagSets.add(new TagSet(tag, members));
    }
    return new HostPolicy(endpoints, tagSets, nat());
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

  private List<ProfilePolicy> profiles(List<String> tags) {
    List<ProfilePolicy> profiles = new ArrayList<>();
    for (int p = random.nextInt(4); p >= 0; p--) {
      profiles.add(new ProfilePolicy(new ProfileName("profile-" + random.nextInt(1000)), rules(tags, 5), rules(tags, 3)));
    }
    return profiles;
  }

  private List<ProfileRule> rules(List<String> tags, int most) {
    List<ProfileRule> rules = new ArrayList<>();
    for (int r = random.nextInt(most + 1); r > 0; r--) {
      Optional<String> tag = random.nextBoolean() ? Optional.of(tags.get(random.nextInt(tags.size()))) : Optional.empty();
      Optional<IPAddress> src = random.nextInt(3) == 0 ? Optional.of(net()) : Optional.empty();
      Optional<IPAddress> dst = random.nextInt(3) == 0 ? Optional.of(net()) : Optional.empty();
      rules.add(new ProfileRule(tag, src, dst));
    }
    return rules;
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
