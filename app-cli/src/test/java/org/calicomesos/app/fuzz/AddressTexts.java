package org.calicomesos.app.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Address and CIDR texts as JSON strings: inside the default pools (192.168.0.0/16, fd80:24e2:f998:72d6::/64, which
 * the in-memory host has), outside them, of the other family, and in forms the strict parser refuses (ranges,
 * masks, zones, leading zeros, inet_aton, white space).
 */
final class AddressTexts {
  private static final String[] V4 = {"192.168.0.5", "192.168.7.200", "192.168.255.255", "192.168.0.0", "10.0.0.5",
      "0.0.0.0", "255.255.255.255", "127.0.0.1", "224.0.0.1"};
  private static final String[] V6 = {"fd80:24e2:f998:72d6::5", "fd80:24e2:f998:72d6:ffff:ffff:ffff:ffff",
      "fd80:24e2:f998:72d6::", "2001:db8::1", "::1", "::", "fe80::1", "::ffff:192.168.0.5"};
  private static final String[] ODD = {"192.168.0.256", "192.168.0.5/32", "192.168.0.5/24", "192.168.0.0/24",
      "192.168.0.5/33", "01.2.3.4", "1.2.3", "0x0a000001", "10.1", "1.2.3.4-5", "1.2.3.*", "1.2.3.4/255.255.0.0",
      " 192.168.0.5 ", "192.168.0.5\n", "fe80::1%eth0", "fd80::1/64", "fd80::1/129", "fd80:::1", "[::1]", "*", "",
      "192.168.0.5,10.0.0.5"};
  private static final String[] POOLS = {"192.168.0.0/16", "fd80:24e2:f998:72d6::/64", "10.0.0.0/8", "192.168.0.0/24",
      "192.168.0.1/16", "fd00::/8", "0.0.0.0/0", "::/0", "192.168.0.5", "192.168.0.0/33"};

  private AddressTexts() {}

  static Arbitrary<String> ipv4() {
    return Choices.weighted(Tuple.of(6, Arbitraries.of(V4)), Tuple.of(1, Arbitraries.of(V6)),
        Tuple.of(2, Arbitraries.of(ODD))).map(JsonText::quote);
  }

  static Arbitrary<String> ipv6() {
    return Choices.weighted(Tuple.of(6, Arbitraries.of(V6)), Tuple.of(1, Arbitraries.of(V4)),
        Tuple.of(2, Arbitraries.of(ODD))).map(JsonText::quote);
  }

  static Arbitrary<String> any() {
    return Choices.oneOf(List.of(ipv4(), ipv6()));
  }

  /** An address with a prefix length, as a CNI result or the ips capability writes it. */
  static Arbitrary<String> withPrefix() {
    return Choices.weighted(
        Tuple.of(4, Arbitraries.of("192.168.0.9/32", "192.168.0.9/16", "fd80:24e2:f998:72d6::9/128", "10.0.0.5/8")),
        Tuple.of(2, Arbitraries.of(V4)),
        Tuple.of(1, Arbitraries.of(ODD))).map(JsonText::quote);
  }

  // A label naming `count` different addresses of the default pool, around its limit of 256.
  private static String manyInPool(int count) {
    return IntStream.range(0, count).mapToObj(i -> "\"192.168." + i / 250 + "." + (i % 250 + 1) + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static Arbitrary<String> pool() {
    return Choices.weighted(Tuple.of(4, Arbitraries.of(POOLS)), Tuple.of(1, Arbitraries.of(ODD)))
        .map(JsonText::quote);
  }

  /** A task label's {@code ipv4_addrs} list, in JSON or Python quoting, right or wrong. */
  static Arbitrary<String> staticAddressLabel() {
    return Choices.weighted(
        Tuple.of(4, Arbitraries.of("[\"192.168.0.9\"]", "['192.168.3.4', '192.168.3.5']", "[]", "[\"10.0.0.5\"]",
            "[\"fd80:24e2:f998:72d6::9\"]", "['192.168.0.9',]", "[\"192.168.0.9\"", "[[\"192.168.0.9\"]]",
            "__import__('os').system('id')", "['" + "1".repeat(46) + "']")),
        Tuple.of(1, Arbitraries.integers().between(1, 300).map(AddressTexts::manyInPool)),
        Tuple.of(1, OddStrings.any()))
        .map(JsonText::quote);
  }
}
