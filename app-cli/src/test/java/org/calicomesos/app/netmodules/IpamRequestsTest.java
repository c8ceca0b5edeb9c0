package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.PluginResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddressString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.wiring.MemoryAppComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * allocate, reserve and release end to end on the memory store, through the real wiring.
 * These need core's IPAM services (stubs until the core branch lands).
 */
class IpamRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IPAddressString DEFAULT_IPV4_POOL = new IPAddressString("192.168.0.0/16");

  @TempDir
  Path dir;

  private MemoryAppComponent app;

  @BeforeEach
  void createApp() {
    app = MemoryAppComponent.create(dir.resolve("isolator.log"), Map.of());
  }

  @Test
  void allocateHandsOutAddressesFromTheDefaultPool_numIpv6MayBeMissing() throws Exception {
    JsonNode reply = ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\",\"num_ipv4\":2}}");

    assertThat(reply.get("error").isNull()).isTrue();
    assertThat(texts(reply.get("ipv4"))).hasSize(2).doesNotHaveDuplicates()
        .allSatisfy(ip -> assertThat(DEFAULT_IPV4_POOL.contains(new IPAddressString(ip))).isTrue());
    assertThat(texts(reply.get("ipv6"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[{\"key\":\"ipv4_addrs\",\"value\":\"['192.168.7.7']\"},{\"key\":\"other\"}]",
      "{\"ipv4_addrs\":\"[\\\"192.168.7.7\\\"]\"}"})
  void allocateReservesTheStaticLabelAddressesAndReturnsThemFirst(String labels) throws Exception {
    JsonNode reply = ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\",\"num_ipv4\":1,"
        + "\"num_ipv6\":0,\"labels\":" + labels + "}}");

    List<String> ipv4 = texts(reply.get("ipv4"));
    assertThat(ipv4).hasSize(2).first().isEqualTo("192.168.7.7");
    assertThat(fails("{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"uid\":\"u2\",\"ipv4_addrs\":[\"192.168.7.7\"]}}"))
        .isEqualTo("IP 192.168.7.7 is already assigned");
  }

  @Test
  void allocateIpv6() throws Exception {
    JsonNode reply = ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":1}}");

    assertThat(texts(reply.get("ipv6"))).singleElement()
        .satisfies(ip -> assertThat(new IPAddressString("fd80:24e2:f998:72d6::/64").contains(new IPAddressString(ip))).isTrue());
  }

  @Test
  void reserveAndReleaseRoundTrip() throws Exception {
    ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u0\",\"num_ipv4\":1,\"num_ipv6\":0}}");
    String reserve = "{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"uid\":\"%s\",\"ipv4_addrs\":[\"192.168.5.5\"],"
        + "\"ipv6_addrs\":[\"fd80:24e2:f998:72d6::55\"]}}";

    assertThat(ok(String.format(reserve, "u1")).toString()).isEqualTo("{\"error\":null}");
    assertThat(fails(String.format(reserve, "u2"))).startsWith("IP 192.168.5.5 is already assigned");
    assertThat(ok("{\"command\":\"release\",\"args\":{\"ips\":[\"192.168.5.5\",\"fd80:24e2:f998:72d6::55\"]}}").toString())
        .isEqualTo("{\"error\":null}");
    ok(String.format(reserve, "u2"));
    // Releasing what is already free is not an error.
    ok("{\"command\":\"release\",\"args\":{\"ips\":[\"192.168.9.9\"]}}");
  }

  @Test
  void reserveOutsideEveryPoolIsRefused() throws Exception {
    ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u0\",\"num_ipv4\":1,\"num_ipv6\":0}}");
    long revision = app.store().list("/").revision();

    assertThat(fails("{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"ipv4_addrs\":[\"10.9.9.9\"]}}"))
        .startsWith("IP 10.9.9.9 is not in any IP pool");
    assertThat(app.store().list("/").revision()).isEqualTo(revision);
  }

  @Test
  void releaseByUidFreesEveryAddressTheUidHolds() throws Exception {
    List<String> held = texts(ok("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"num_ipv4\":3,\"num_ipv6\":0}}").get("ipv4"));

    ok("{\"command\":\"release\",\"args\":{\"uid\":\"u1\"}}");

    // Every one is free again: another uid can take each of them by name.
    ok("{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"uid\":\"u2\",\"ipv4_addrs\":" + JSON.writeValueAsString(held) + "}}");
  }

  private JsonNode ok(String request) throws Exception {
    PluginResponse response = app.endpoint().handle(request.getBytes(StandardCharsets.UTF_8));
    assertThat(response.success()).as(response.toString()).isTrue();
    return JSON.readTree(response.body());
  }

  private String fails(String request) throws Exception {
    PluginResponse response = app.endpoint().handle(request.getBytes(StandardCharsets.UTF_8));
    assertThat(response.success()).as(response.toString()).isFalse();
    return JSON.readTree(response.body()).get("error").textValue();
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(node -> out.add(node.textValue()));
    return out;
  }
}
