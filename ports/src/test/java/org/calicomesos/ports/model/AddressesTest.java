package org.calicomesos.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"10.1", "0x0a000001", "012.0.0.1", "10.0.0.1-5", "10.0.0.*", "*", "", "  ", "fe80::1%eth0",
      "10.0.0.256", "10.0.0.1/33", "host.example", "10.0.0.1;rm -rf /"})
  void only_plain_addresses_are_accepted(String text) {
    assertThatThrownBy(() -> Addresses.parseAnyAddress("ipv4_addrs", text))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(text.isBlank() ? "ipv4_addrs is missing" : "ipv4_addrs '");
  }

  @Test
  void an_address_of_the_wrong_family_names_the_field_and_both_families() {
    assertThatThrownBy(() -> Addresses.parseAddress("ipv4_addrs", "fd00::1", IpFamily.V4))
        .hasMessage("ipv4_addrs 'fd00::1' is an IPv6 address; IPv4 expected");
    assertThat(Addresses.parseAddress("ipv6_addrs", "FD00:0::1", IpFamily.V6).toCanonicalString()).isEqualTo("fd00::1");
  }

  @Test
  void a_cidr_with_host_bits_set_is_refused_with_the_network_it_probably_meant() {
    assertThatThrownBy(() -> Addresses.parseCidr("CIDR", "10.0.0.1/16"))
        .hasMessage("CIDR '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?");
    assertThatThrownBy(() -> Addresses.parseCidr("CIDR", "10.0.0.0")).hasMessageContaining("must be a CIDR");
    assertThat(Addresses.parseCidr("CIDR", "fd80:24e2:f998:72d6::/64").getNetworkPrefixLength()).isEqualTo(64);
  }
}
