package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ADD's result in each version's form, to the byte. */
class CniResultJsonTest {
  private static final CniResult ATTACHED = CniResult.of(Fixtures.attachment(),
      new NetworkNamespace.AtPath("/var/run/netns/c1"));
  private static final String INTERFACES = "\"interfaces\":[{\"name\":\"cali0123456789a\",\"mac\":\"ee:ee:ee:ee:ee:ee\"},"
      + "{\"name\":\"eth0\",\"mac\":\"0a:58:0a:00:00:05\",\"sandbox\":\"/var/run/netns/c1\"}]";
  private static final String ROUTES = "\"routes\":[{\"dst\":\"169.254.1.1/32\"},{\"dst\":\"0.0.0.0/0\","
      + "\"gw\":\"169.254.1.1\"},{\"dst\":\"::/0\",\"gw\":\"fe80::ecee:eeff:feee:eeee\"}]";

  @ParameterizedTest
  @CsvSource({"0.1.0", "0.2.0"})
  void theLegacyFormHasOneAddressPerFamilyWithItsGatewayAndRoutes(String version) {
    assertThat(CniResponses.result(ATTACHED, CniVersion.of(version).orElseThrow()).toString()).isEqualTo(
        "{\"cniVersion\":\"" + version + "\",\"ip4\":{\"ip\":\"10.0.0.5/32\",\"gateway\":\"169.254.1.1\","
            + "\"routes\":[{\"dst\":\"169.254.1.1/32\"},{\"dst\":\"0.0.0.0/0\",\"gw\":\"169.254.1.1\"}]},"
            + "\"ip6\":{\"ip\":\"fd00::5/128\",\"gateway\":\"fe80::ecee:eeff:feee:eeee\","
            + "\"routes\":[{\"dst\":\"::/0\",\"gw\":\"fe80::ecee:eeff:feee:eeee\"}]},\"dns\":{}}\n");
  }

  @ParameterizedTest
  @CsvSource({"0.3.0,true", "0.3.1,true", "0.4.0,true", "1.0.0,false", "1.1.0,false"})
  void from030InterfacesAndIpsAndUpTo040EachAddressCarriesItsVersion(String version, boolean addressVersion) {
    String v4 = addressVersion ? "\"version\":\"4\"," : "";
    String v6 = addressVersion ? "\"version\":\"6\"," : "";

    assertThat(CniResponses.result(ATTACHED, CniVersion.of(version).orElseThrow()).toString()).isEqualTo(
        "{\"cniVersion\":\"" + version + "\"," + INTERFACES + ",\"ips\":["
            + "{" + v4 + "\"address\":\"10.0.0.5/32\",\"gateway\":\"169.254.1.1\",\"interface\":1},"
            + "{" + v6 + "\"address\":\"fd00::5/128\",\"gateway\":\"fe80::ecee:eeff:feee:eeee\",\"interface\":1}],"
            + ROUTES + ",\"dns\":{}}\n");
  }

  @Test
  void theIpamPluginsResultHasNoInterfacesAndIpv4InItsPoolThroughTheGateway() {
    CniResult allocated = CniResult.of(new AllocatedAddresses(List.of(Fixtures.ip("10.0.0.6")),
        List.of(Fixtures.ip("fd00::6"))), List.of(Fixtures.ip("10.0.0.0/16"), Fixtures.ip("fd00::/64")));

    assertThat(CniResponses.result(allocated, CniVersion.V0_3_1).toString()).isEqualTo("{\"cniVersion\":\"0.3.1\","
        + "\"ips\":[{\"version\":\"4\",\"address\":\"10.0.0.6/16\",\"gateway\":\"169.254.1.1\"},"
        + "{\"version\":\"6\",\"address\":\"fd00::6/128\"}],\"routes\":[],\"dns\":{}}\n");
    assertThat(CniResponses.result(allocated, CniVersion.V0_2_0).toString()).isEqualTo("{\"cniVersion\":\"0.2.0\","
        + "\"ip4\":{\"ip\":\"10.0.0.6/16\",\"gateway\":\"169.254.1.1\",\"routes\":[]},"
        + "\"ip6\":{\"ip\":\"fd00::6/128\",\"routes\":[]},\"dns\":{}}\n");
  }

  @Test
  void versionListsEveryVersionSpoken() {
    assertThat(CniResponses.version(CniVersion.V0_3_1).toString()).isEqualTo("{\"cniVersion\":\"0.3.1\","
        + "\"supportedVersions\":[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}\n");
  }

  @Test
  void anErrorIsOneLineWithItsCode() {
    assertThat(CniResponses.error(CniVersion.V1_0_0, CniErrorCode.POOL_EXHAUSTED, "no\naddress \"left\"").toString())
        .isEqualTo("{\"cniVersion\":\"1.0.0\",\"code\":100,\"msg\":\"no address \\\"left\\\"\"}\n");
  }

  @Test
  void cniVersionWinsAndWithoutItTheHighestOfCniVersionsSpoken() {
    NetworkConfig both = NetworkConfig.decode(
        "{\"cniVersion\":\"1.0.0\",\"cniVersions\":[\"0.4.0\",\"1.1.0\",\"2.0.0\"],\"name\":\"n\",\"type\":\"t\"}".getBytes());
    NetworkConfig offered = NetworkConfig.decode(
        "{\"cniVersions\":[\"0.4.0\",\"1.1.0\",\"2.0.0\"],\"name\":\"n\",\"type\":\"t\"}".getBytes());

    // An older runtime reads only cniVersion, and its result in no other version.
    assertThat(both.version()).isEqualTo(CniVersion.V1_0_0);
    assertThat(offered.version()).isEqualTo(CniVersion.V1_1_0);
    assertThat(NetworkConfig.decode("{\"name\":\"n\",\"type\":\"t\"}".getBytes()).version())
        .isEqualTo(CniVersion.V0_1_0);
  }
}
