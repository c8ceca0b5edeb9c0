package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.PluginResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.calicomesos.app.wiring.MemoryAppComponent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejected request gets one clear sentence, and the datastore is left exactly as it was. */
class BadRequestsTest {
  @TempDir
  Path dir;

  /** A request that must be refused, and the sentence (or its start) the operator reads. */
  record BadRequest(String name, String json, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadRequest> badRequests() {
    String alloc = "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":0";
    String reserve = "{\"command\":\"reserve\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\"";
    String isolate = "{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent1\",\"container_id\":\"c-1\",\"pid\":1234,"
        + "\"ipv4_addrs\":[\"192.168.0.7\"]";
    return Stream.of(
        new BadRequest("empty input", "", "request is empty; expected a JSON object with command and args"),
        new BadRequest("not JSON", "allocate please", "request is not valid JSON: "),
        new BadRequest("truncated JSON", "{\"command\":\"allocate\",", "request is not valid JSON: "),
        new BadRequest("trailing garbage", "{\"command\":\"cleanup\",\"args\":{}} x", "request is not valid JSON: "),
        new BadRequest("duplicate field", "{\"command\":\"allocate\",\"command\":\"release\",\"args\":{}}", "request is not valid JSON: Duplicate field 'command'"),
        new BadRequest("not an object", "[1,2]", "request must be a JSON object with command and args, not a list"),
        new BadRequest("missing command", "{\"args\":{}}", "request is missing command"),
        new BadRequest("command not a string", "{\"command\":7,\"args\":{}}", "command must be a string, got a number"),
        new BadRequest("missing args", "{\"command\":\"allocate\"}", "request is missing args"),
        new BadRequest("args not an object", "{\"command\":\"allocate\",\"args\":[]}", "args must be an object, got a list"),
        new BadRequest("unknown command", "{\"command\":\"frobnicate\",\"args\":{}}",
            "unknown command 'frobnicate'; expected one of allocate, cleanup, isolate, release, reserve"),
        new BadRequest("allocate without uid", "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"num_ipv4\":1}}",
            "allocate request is missing uid"),
        new BadRequest("allocate without hostname", "{\"command\":\"allocate\",\"args\":{\"uid\":\"u1\",\"num_ipv4\":1}}",
            "allocate request is missing hostname"),
        new BadRequest("uid not a string", alloc.replace("\"u1\"", "42") + "}}", "uid must be a string, got a number"),
        new BadRequest("uid with a path", alloc.replace("\"u1\"", "\"../etc\"") + "}}", "uid '../etc' may hold only letters"),
        new BadRequest("uid with control characters", alloc.replace("\"u1\"", "\"a\\u0001b\\nc\"") + "}}", "uid 'a?b?c' may hold only"),
        new BadRequest("hostname with a space", alloc.replace("\"agent1\"", "\"agent 1\"") + "}}", "hostname 'agent 1' is not a host name or IP address"),
        new BadRequest("negative count", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":-1") + "}}", "num_ipv4 must be between 0 and 256, got -1"),
        new BadRequest("count too large", alloc.replace("\"num_ipv6\":0", "\"num_ipv6\":257") + "}}", "num_ipv6 must be between 0 and 256, got 257"),
        new BadRequest("count beyond long", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":123456789012345678901234567890") + "}}",
            "num_ipv4 must be between 0 and 256, got 123456789012345678901234567890"),
        new BadRequest("count no decimal holds", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":1e2147483648") + "}}",
            "request is not valid JSON: Value \"1e2147483648\" can not be deserialized as `java.math.BigDecimal`"),
        new BadRequest("fractional count", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":1.5") + "}}", "num_ipv4 must be a whole number, got 1.5"),
        new BadRequest("count as string", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":\"1\"") + "}}", "num_ipv4 must be a whole number, got '1'"),
        new BadRequest("no addresses asked for", alloc.replace("\"num_ipv4\":1", "\"num_ipv4\":0") + "}}",
            "allocate asks for no addresses: num_ipv4 and num_ipv6 are both 0"),
        new BadRequest("netgroups not a list", alloc + ",\"netgroups\":\"prod\"}}", "netgroups must be a list of strings, got a string"),
        new BadRequest("bad netgroup", alloc + ",\"netgroups\":[\"ok\",\"rm -rf\"]}}", "netgroup 'rm -rf' may hold only letters"),
        new BadRequest("labels of the wrong shape", alloc + ",\"labels\":[\"k=v\"]}}", "labels must be a list of {\"key\": .., \"value\": ..} objects"),
        new BadRequest("label without key", alloc + ",\"labels\":[{\"value\":\"v\"}]}}", "a label has no key"),
        new BadRequest("static-IP label as code", alloc + ",\"labels\":[{\"key\":\"ipv4_addrs\",\"value\":\"__import__('os').system('id')\"}]}}",
            "label ipv4_addrs must be a list of quoted IPv4 addresses such as [\"10.0.0.5\"], got '__import__('os').system('id')'"),
        new BadRequest("static-IP label with an expression", alloc + ",\"labels\":{\"ipv4_addrs\":\"['10.0.0.5'] + ['10.0.0.6']\"}}}",
            "label ipv4_addrs must be a list of quoted IPv4 addresses"),
        new BadRequest("static-IP label with IPv6", alloc + ",\"labels\":{\"ipv4_addrs\":\"['fd00::5']\"}}}",
            "label ipv4_addrs 'fd00::5' is an IPv6 address; IPv4 expected"),
        new BadRequest("static-IP label given twice", alloc + ",\"labels\":[{\"key\":\"ipv4_addrs\",\"value\":\"[]\"},"
            + "{\"key\":\"ipv4_addrs\",\"value\":\"[]\"}]}}", "label ipv4_addrs is given twice"),
        new BadRequest("reserve without addresses", reserve + "}}", "reserve needs at least one address in ipv4_addrs or ipv6_addrs"),
        new BadRequest("reserve IPv6 in ipv4_addrs", reserve + ",\"ipv4_addrs\":[\"fd80::1\"]}}", "ipv4_addrs 'fd80::1' is an IPv6 address; IPv4 expected"),
        new BadRequest("reserve IPv4 in ipv6_addrs", reserve + ",\"ipv6_addrs\":[\"192.168.0.1\"]}}", "ipv6_addrs '192.168.0.1' is an IPv4 address; IPv6 expected"),
        new BadRequest("reserve unparsable address", reserve + ",\"ipv4_addrs\":[\"192.168.0.256\"]}}", "ipv4_addrs '192.168.0.256' is not an IP address"),
        new BadRequest("reserve a CIDR", reserve + ",\"ipv4_addrs\":[\"192.168.0.0/24\"]}}", "ipv4_addrs '192.168.0.0/24' must be a single address, not a CIDR"),
        new BadRequest("reserve the same address twice", reserve + ",\"ipv4_addrs\":[\"192.168.0.1\",\"192.168.0.1\"]}}", "reserve names the same address twice"),
        new BadRequest("reserve too many addresses", reserve + ",\"ipv4_addrs\":" + addressList(300) + "}}", "ipv4_addrs has 300 entries; at most 256 are allowed"),
        new BadRequest("reserve without uid", "{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"ipv4_addrs\":[\"192.168.0.1\"]}}", "reserve request is missing uid"),
        new BadRequest("release with uid and ips", "{\"command\":\"release\",\"args\":{\"uid\":\"u1\",\"ips\":[\"192.168.0.1\"]}}", "release takes either uid or ips, not both"),
        new BadRequest("release with neither", "{\"command\":\"release\",\"args\":{}}", "release needs either uid or ips"),
        new BadRequest("release with empty ips", "{\"command\":\"release\",\"args\":{\"ips\":[]}}", "release needs at least one address in ips"),
        new BadRequest("release bad address", "{\"command\":\"release\",\"args\":{\"ips\":[\"nope\"]}}", "ips 'nope' is not an IP address"),
        new BadRequest("isolate without pid", isolate.replace("\"pid\":1234,", "") + "}}", "pid is missing"),
        new BadRequest("isolate pid zero", isolate.replace("1234", "0") + "}}", "pid must be a whole number between 1 and 4194304, got 0"),
        new BadRequest("isolate pid too large", isolate.replace("1234", "4194305") + "}}", "pid must be a whole number between 1 and 4194304, got 4194305"),
        new BadRequest("isolate pid as string", isolate.replace("1234", "\"1234\"") + "}}", "pid must be a whole number between 1 and 4194304, got '1234'"),
        new BadRequest("isolate without container_id", isolate.replace("\"container_id\":\"c-1\",", "") + "}}", "isolate request is missing container_id"),
        new BadRequest("isolate bad container_id", isolate.replace("c-1", "c/1") + "}}", "container_id 'c/1' may hold only letters"),
        new BadRequest("isolate without addresses", isolate.replace("\"ipv4_addrs\":[\"192.168.0.7\"]", "\"netgroups\":[]") + "}}",
            "isolate needs at least one address in ipv4_addrs or ipv6_addrs"),
        new BadRequest("isolate label with a line break", isolate + ",\"labels\":[{\"key\":\"app\",\"value\":\"a\\nb\"}]}}",
            "label app holds a control character"),
        new BadRequest("isolate bad netgroup", isolate + ",\"netgroups\":[\"-x\"]}}", "netgroup '-x' may hold only"),
        new BadRequest("isolate host-profile netgroup", isolate + ",\"netgroups\":[\"default_agent-1\"]}}",
            "netgroup 'default_agent-1' may not start with 'default_', which names the host profiles"),
        new BadRequest("isolate of an address never allocated", isolate + "}}", "IP 192.168.0.7 is not allocated; allocate or reserve it before isolate"),
        new BadRequest("cleanup without hostname", "{\"command\":\"cleanup\",\"args\":{\"container_id\":\"c-1\"}}", "cleanup request is missing hostname"),
        new BadRequest("cleanup bad container_id", "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"a\",\"container_id\":\"../c\"}}",
            "container_id '../c' may hold only letters"),
        new BadRequest("nesting too deep", "{\"command\":\"allocate\",\"args\":{\"labels\":" + "[".repeat(40) + "]".repeat(40) + "}}",
            "request exceeds a size limit: "),
        new BadRequest("request too large", "{\"command\":\"allocate\",\"args\":{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}}",
            "request is larger than 1048576 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithOneSentenceAndNoWrites(BadRequest bad) throws Exception {
    MemoryAppComponent app = MemoryAppComponent.create(dir.resolve("isolator.log"), Map.of());
    long revisionBefore = app.store().list("/").revision();

    PluginResponse response = app.endpoint().handle(bad.json().getBytes(StandardCharsets.UTF_8));

    assertThat(response.success()).isFalse();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).endsWith("\n").hasLineCount(1).hasSizeLessThan(2048);
    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get("error").textValue()).startsWith(bad.error());
    assertThat(app.store().list("/").revision()).isEqualTo(revisionBefore);
    assertThat(app.store().list("/").entries()).isEmpty();
  }

  private static String addressList(int count) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append("\"192.168.1.").append(i % 250 + 1).append('"');
    }
    return out.append(']').toString();
  }
}
