package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ADDs the plugin must refuse, on SQLite and etcd: each answer is one CNI error object on stdout and nothing else,
 * with a non-zero exit, the code the spec gives the fault (loosely where it leaves room: plugin codes are 100 and
 * up), a sentence naming what was wrong, and no state written (no address, handle, endpoint or interface).
 */
class CniBadInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NETWORK = "cni-bad-input-it";
  private static final String POOL = "198.18.65.0/24";
  private static final int PLUGIN_CODES = 100;

  @TempDir Path dir;

  private CniHost host;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(host);
  }

  /** A refused request: how to spoil an otherwise good ADD, the code expected, and what the sentence must name. */
  enum Fault {
    MALFORMED_JSON(6, "JSON"),
    MISSING_CONTAINER_ID(4, "CNI_CONTAINERID"),
    UNKNOWN_VERSION(1, "9.9.9"),
    STATIC_IP_NOT_AN_ADDRESS(7, "300.1.1.1"),
    STATIC_IP_OUTSIDE_EVERY_POOL(PLUGIN_CODES, "203.0.113.77"),
    UNKNOWN_POOL(PLUGIN_CODES, "198.18.99.0/24"),
    UNKNOWN_DATASTORE_TYPE(7, "datastore_type"),
    CONTAINER_ID_WITH_DOTS_AND_SLASH(4, "CNI_CONTAINERID"),
    CONTAINER_ID_WITH_SHELL(4, "CNI_CONTAINERID"),
    IFNAME_WITH_SHELL(4, "CNI_IFNAME"),
    IFNAME_TOO_LONG(4, "CNI_IFNAME"),
    HOST_PORT_OUT_OF_RANGE(7, "runtimeConfig.portMappings[0].hostPort");

    final int code;
    final String named;

    Fault(int code, String named) {
      this.code = code;
      this.named = named;
    }
  }

  /**
   * Every fault on SQLite; on etcd only those refused after the store is read (the pools): the rest are refused
   * before any store is built, the same way whichever one is configured.
   */
  static Stream<Arguments> faults() {
    List<Arguments> all = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      all.add(Arguments.of("sqlite", fault));
    }
    for (Fault fault : List.of(Fault.STATIC_IP_OUTSIDE_EVERY_POOL, Fault.UNKNOWN_POOL)) {
      all.add(Arguments.of("etcd", fault));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("faults")
  void a_refused_add_answers_one_error_object_and_writes_nothing(String datastore, Fault fault) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    NetnsContainer container = host.container();

    CniCall.Result result = add(fault, container);

    assertThat(result.status()).as("exit status: %s", result).isNotZero();
    JsonNode error = onlyDocument(result);
    assertThat(Set.copyOf(iterable(error.fieldNames()))).as("fields of %s", error).contains("cniVersion", "code", "msg")
        .isSubsetOf("cniVersion", "code", "msg", "details");
    if (fault.code == PLUGIN_CODES) {
      assertThat(error.get("code").asInt()).as("code of %s", error).isGreaterThanOrEqualTo(PLUGIN_CODES);
    } else {
      assertThat(error.get("code").asInt()).as("code of %s", error).isEqualTo(fault.code);
    }
    assertThat(error.get("msg").asText()).as("msg of %s", error).containsIgnoringCase(fault.named);
    assertThat(container.run("ip", "-o", "link", "show")).as("links inside the container").doesNotContain("eth0");
    host.assertNothingHeld();
  }

  /** A good ADD of eth0 into {@code container}, spoilt by {@code fault}. */
  private CniCall.Result add(Fault fault, NetnsContainer container) {
    CniCall call = CniCall.of(host.plugin(), "ADD").containerId("bad-input-" + fault.ordinal())
        .netns(CniHost.netns(container)).ifname("eth0").path(host.cniPath());
    ObjectNode conf = host.network(NETWORK, "1.0.0", host.mainPlugin());
    switch (fault) {
      case MALFORMED_JSON -> {
        String text = conf.toString();
        return call.withConfig(text.substring(0, text.length() / 2));
      }
      case MISSING_CONTAINER_ID -> call.without("CNI_CONTAINERID");
      case UNKNOWN_VERSION -> conf.put("cniVersion", "9.9.9");
      case STATIC_IP_NOT_AN_ADDRESS -> call.args("IP=300.1.1.1");
      case STATIC_IP_OUTSIDE_EVERY_POOL -> call.args("IP=203.0.113.77");
      case UNKNOWN_POOL -> ((ObjectNode) conf.get("ipam")).putArray("ipv4_pools").add("198.18.99.0/24");
      case UNKNOWN_DATASTORE_TYPE -> conf.put("datastore_type", "zookeeper");
      case CONTAINER_ID_WITH_DOTS_AND_SLASH -> call.containerId("../x");
      case CONTAINER_ID_WITH_SHELL -> call.containerId("a;rm -rf /");
      case IFNAME_WITH_SHELL -> call.ifname("eth0;x");
      case IFNAME_TOO_LONG -> call.ifname("e".repeat(20));
      case HOST_PORT_OUT_OF_RANGE -> conf.putObject("runtimeConfig").putArray("portMappings").addObject()
          .put("hostPort", 70000).put("containerPort", 80);
      default -> throw new IllegalArgumentException(fault.name());
    }
    return call.withConfig(conf.toString());
  }

  /** stdout as exactly one JSON object: nothing before it, nothing after it. */
  private static JsonNode onlyDocument(CniCall.Result result) throws Exception {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
      values.forEachRemaining(documents::add);
    } catch (Exception e) {
      throw new AssertionError("stdout is not JSON alone: " + result, e);
    }
    assertThat(documents).as("documents on stdout: %s", result).hasSize(1);
    assertThat(documents.get(0).isObject()).as("an object: %s", result).isTrue();
    return documents.get(0);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
