package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointCodec;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.junit.jupiter.api.Test;

/**
 * The read-only inspection commands (endpoint, profile, node) over the real core services and a memory store,
 * with endpoints and profiles written by the real allocate and isolate services (memory dataplane).
 */
class InspectOnCoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NodeName NODE_B = new NodeName("node-b");

  private final CoreOverMemory core = new CoreOverMemory();

  @Test
  void endpoint_list_shows_every_host_in_node_then_container_order() {
    List<IPAddress> web = core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 1, "prod", "public");
    List<IPAddress> db = core.isolate(CoreOverMemory.NODE, "10.0.0.5", "db-1", 1, 0, "prod");
    List<IPAddress> batch = core.isolate(NODE_B, "10.0.0.6", "batch-7", 1, 0, "dev");

    AdminRun run = core.run("endpoint", "list");

    assertThat(run.status()).as(run.err()).isZero();
    String v6 = web.get(1).toCanonicalString() + "/128";
    String pad = " ".repeat(v6.length() - 4);
    assertThat(run.out()).isEqualTo(
        "NODE    CONTAINER  INTERFACE        IPV4               IPV6" + pad + "  PROFILES                    STATE\n"
            + "node-a  db-1       " + iface("db-1") + "  " + db.get(0) + "/32  -   " + pad + "  default_node-a,prod         active\n"
            + "node-a  web-1      " + iface("web-1") + "  " + web.get(0) + "/32  " + v6 + "  default_node-a,public,prod  active\n"
            + "node-b  batch-7    " + iface("batch-7") + "  " + batch.get(0) + "/32" + " ".repeat(
                web.get(0).toCanonicalString().length() - batch.get(0).toCanonicalString().length())
            + "  -   " + pad + "  default_node-b,dev          active\n");
  }

  @Test
  void endpoint_list_for_one_host_in_json() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    List<IPAddress> batch = core.isolate(NODE_B, "10.0.0.6", "batch-7", 1, 0, "dev");

    JsonNode json = JSON.readTree(core.run("endpoint", "list", "--host", "node-b", "-o", "json").out());

    assertThat(json.get("host").asText()).isEqualTo("node-b");
    assertThat(json.get("endpoints")).hasSize(1);
    JsonNode endpoint = json.get("endpoints").get(0);
    assertThat(endpoint.get("container_id").asText()).isEqualTo("batch-7");
    assertThat(endpoint.get("endpoint_id").asText()).isEqualTo(EndpointId.of(new ContainerId("batch-7")).value());
    assertThat(endpoint.get("ipv4_nets").get(0).asText()).isEqualTo(batch.get(0) + "/32");
    assertThat(endpoint.get("profiles").toString()).isEqualTo("[\"default_node-b\",\"dev\"]");
    assertThat(endpoint.get("handle_id").asText()).isEqualTo("uid-batch-7");
    assertThat(endpoint.get("unreadable").isNull()).isTrue();
    assertThat(core.run("endpoint", "list", "--host", "node-c").out()).isEqualTo("no endpoints are recorded on host node-c\n");
  }

  @Test
  void endpoint_show_prints_one_container_in_full() throws Exception {
    List<IPAddress> web = core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 1, "prod", "public");

    AdminRun table = core.run("endpoint", "show", "web-1");
    JsonNode json = JSON.readTree(core.run("endpoint", "show", "web-1", "--host", "node-a", "-o", "json").out())
        .get("endpoints").get(0);

    String mac = json.get("mac").asText();
    assertThat(mac).matches("02(:[0-9a-f]{2}){5}");
    assertThat(table.out()).isEqualTo("""
        node:              node-a
        container:         web-1
        endpoint:          %s
        interface:         %s
        MAC:               %s
        IPv4 nets:         %s/32
        IPv6 nets:         %s/128
        profiles:          default_node-a, public, prod
        labels:            app=web-1
        selector labels:   app=web-1, prod=, public=
        ingress policies:  none
        egress policies:   none
        host ports:        -
        handle (uid):      uid-web-1
        state:             active
        """.formatted(EndpointId.of(new ContainerId("web-1")), iface("web-1"), mac, web.get(0), web.get(1).toCanonicalString()));
    assertThat(json.get("labels").toString()).isEqualTo("{\"app\":\"web-1\"}");
    assertThat(json.get("state").asText()).isEqualTo("active");
  }

  @Test
  void endpoint_show_and_node_show_list_the_host_ports_mapped() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "db-1", 1, 0, "prod");
    core.isolate(NODE_B, "10.0.0.6", "batch-7", 1, 0, "dev");
    mapPorts(CoreOverMemory.NODE, "web-1", new PortMapping(8080, 80, TransportProtocol.TCP),
        new PortMapping(5353, 53, TransportProtocol.UDP));
    mapPorts(CoreOverMemory.NODE, "db-1", new PortMapping(5432, 5432, TransportProtocol.TCP));
    mapPorts(NODE_B, "batch-7", new PortMapping(9000, 90, TransportProtocol.TCP));

    AdminRun shown = core.run("endpoint", "show", "web-1");
    JsonNode endpoint = JSON.readTree(core.run("endpoint", "show", "web-1", "-o", "json").out()).get("endpoints").get(0);
    AdminRun node = core.run("node", "show");
    JsonNode nodeJson = JSON.readTree(core.run("node", "show", "-o", "json").out());

    assertThat(shown.out()).contains("host ports:        tcp 8080->80, udp 5353->53\n");
    assertThat(endpoint.get("port_mappings").toString()).isEqualTo("[{\"host_port\":8080,\"container_port\":80,"
        + "\"protocol\":\"tcp\"},{\"host_port\":5353,\"container_port\":53,\"protocol\":\"udp\"}]");
    assertThat(node.out()).endsWith("""
        agent:          see 'systemctl status calico-mesos-agent'

        PROTOCOL  HOST PORT  CONTAINER PORT  CONTAINER
        tcp            5432            5432  db-1
        tcp            8080              80  web-1
        udp            5353              53  web-1

        HOST    BLOCKS  REGISTRATION
        node-b       1  not registered (the agent registers its host when it starts)
        """);
    assertThat(nodeJson.get("mapped_ports").toString()).isEqualTo("[{\"protocol\":\"tcp\",\"host_port\":5432,"
        + "\"container_port\":5432,\"container_id\":\"db-1\"},{\"protocol\":\"tcp\",\"host_port\":8080,"
        + "\"container_port\":80,\"container_id\":\"web-1\"},{\"protocol\":\"udp\",\"host_port\":5353,"
        + "\"container_port\":53,\"container_id\":\"web-1\"}]");
  }

  @Test
  void endpoint_show_of_an_unknown_container_exits_1_with_one_line() {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");

    AdminRun unknown = core.run("endpoint", "show", "nope");
    AdminRun elsewhere = core.run("endpoint", "show", "web-1", "--host", "node-b");

    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).isEqualTo("error: no endpoint of container nope is recorded on any host\n");
    assertThat(elsewhere.status()).isEqualTo(1);
    assertThat(elsewhere.err()).isEqualTo("error: no endpoint of container web-1 is recorded on host node-b\n");
  }

  @Test
  void an_unreadable_endpoint_record_is_listed_with_its_reason() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    ContainerId old = new ContainerId("old-9");
    core.store.create(core.keys.endpoint(CoreOverMemory.NODE, old, EndpointId.of(old)), "{\"name\":\"cali1\"}");

    AdminRun table = core.run("endpoint", "list");
    JsonNode json = JSON.readTree(core.run("endpoint", "list", "-o", "json").out()).get("endpoints").get(0);
    AdminRun shown = core.run("endpoint", "show", "old-9");

    assertThat(table.status()).isZero();
    assertThat(table.out().lines()).hasSize(3).anySatisfy(line -> assertThat(line)
        .matches("node-a +old-9 +- +- +- +- +unreadable: field 'endpoint_id' is missing or not a string"));
    assertThat(json.get("container_id").asText()).isEqualTo("old-9");
    assertThat(json.get("interface").isNull()).isTrue();
    assertThat(json.get("unreadable").asText()).isEqualTo("field 'endpoint_id' is missing or not a string");
    assertThat(shown.status()).isZero();
    assertThat(shown.out()).endsWith("state:      unreadable: field 'endpoint_id' is missing or not a string\n");
  }

  @Test
  void profile_list_and_show_read_what_isolate_wrote() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod", "public");
    core.isolate(NODE_B, "10.0.0.6", "batch-7", 1, 0, "dev");

    assertThat(core.run("profile", "list").out()).isEqualTo("""
        NAME            TAGS    RULES
        default_node-a  -       1 inbound, 1 outbound
        default_node-b  -       1 inbound, 1 outbound
        dev             dev     1 inbound, 1 outbound
        prod            prod    1 inbound, 1 outbound
        public          public  1 inbound, 1 outbound
        """);
    assertThat(core.run("profile", "show", "default_node-a").out()).isEqualTo("""
        name:   default_node-a
        tags:   -
        rules:  1 inbound, 1 outbound

        inbound rules:
          1  allow from nets 10.0.0.5/32
        outbound rules:
          1  allow to nets 10.0.0.5/32
        """);
    assertThat(core.run("profile", "show", "prod", "-o", "json").out()).isEqualTo("""
        {
          "name" : "prod",
          "tags" : [ "prod" ],
          "tags_unreadable" : null,
          "inbound_rules" : [ {
            "action" : "allow",
            "source" : {
              "tag" : "prod"
            }
          } ],
          "outbound_rules" : [ {
            "action" : "allow"
          } ],
          "rules_unreadable" : null
        }
        """);
    JsonNode dev = JSON.readTree(core.run("profile", "list", "-o", "json").out()).get("profiles").get(2);
    assertThat(dev.toString()).isEqualTo("{\"name\":\"dev\",\"tags\":[\"dev\"],\"tags_unreadable\":null,"
        + "\"inbound_rule_count\":1,\"outbound_rule_count\":1,\"rules_unreadable\":null}");
  }

  @Test
  void an_unknown_profile_exits_1_and_an_unreadable_one_is_shown_as_such() {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    String rules = core.keys.profileRules(new ProfileName("prod"));
    core.store.update(rules, "{\"inbound_rules\": 7}", core.store.get(rules).orElseThrow().revision());

    AdminRun unknown = core.run("profile", "show", "nope");
    AdminRun broken = core.run("profile", "show", "prod");

    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("error: there is no profile nope\n");
    assertThat(broken.status()).isZero();
    assertThat(broken.out()).isEqualTo("""
        name:   prod
        tags:   prod
        rules:  unreadable: field 'inbound_rules' is missing or not a list
        """);
    assertThat(core.run("profile", "list").out()).contains("prod            prod  unreadable: field 'inbound_rules'");
  }

  @Test
  void node_show_reads_this_hosts_ip_blocks_and_endpoints() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "db-1", 1, 0, "prod");
    core.isolate(NODE_B, "10.0.0.6", "batch-7", 1, 0, "dev");

    AdminRun table = core.run("node", "show");
    JsonNode json = JSON.readTree(core.run("node", "show", "-o", "json").out());

    String block = json.get("affine_blocks").get(0).asText();
    assertThat(json.get("affine_blocks")).hasSize(1);
    assertThat(block).startsWith("192.168.").endsWith("/26");
    assertThat(table.out()).isEqualTo("""
        node:           node-a
        host IP:        10.0.0.5 (from profile default_node-a)
        affine blocks:  %s
        endpoints:      2
        policies:       none select this host's endpoints
        route mode:     direct
        VXLAN pools:    none
        NAT outgoing:   none
        registration:   not registered (the agent registers its host when it starts)
        other hosts:    1
        agent:          see 'systemctl status calico-mesos-agent'

        HOST    BLOCKS  REGISTRATION
        node-b       1  not registered (the agent registers its host when it starts)
        """.formatted(block));
    assertThat(json.get("route_mode").asText()).isEqualTo("direct");
    assertThat(json.get("registration").isNull()).isTrue();
    assertThat(json.get("other_hosts").get(0).get("node").asText()).isEqualTo("node-b");
    assertThat(json.get("other_hosts").get(0).get("blocks").asInt()).isEqualTo(1);
    assertThat(json.get("host_ip").asText()).isEqualTo("10.0.0.5");
    assertThat(json.get("host_ip_unreadable").isNull()).isTrue();
    assertThat(json.get("endpoints").asInt()).isEqualTo(2);
    assertThat(json.has("agent")).as("the agent's state is not the datastore's to tell").isFalse();
  }

  @Test
  void node_show_on_a_host_nothing_ran_on() {
    assertThat(core.run("node", "show").out()).isEqualTo("""
        node:           node-a
        host IP:        not recorded yet (the first isolate on this host writes profile default_node-a)
        affine blocks:  none
        endpoints:      0
        policies:       none select this host's endpoints
        route mode:     direct
        VXLAN pools:    none
        NAT outgoing:   none
        registration:   not registered (the agent registers its host when it starts)
        other hosts:    none
        agent:          see 'systemctl status calico-mesos-agent'
        """);
    assertThat(core.run("endpoint", "list").out()).isEqualTo("no endpoints are recorded\n");
    assertThat(core.run("profile", "list").out())
        .isEqualTo("no profiles are recorded; isolate writes them for the netgroups it is given\n");
  }

  /** Gives the container's endpoint record these port mappings, as a CNI ADD with them would have written it. */
  private void mapPorts(NodeName node, String container, PortMapping... mappings) {
    ContainerId id = new ContainerId(container);
    String key = core.keys.endpoint(node, id, EndpointId.of(id));
    Entry entry = core.store.get(key).orElseThrow();
    Endpoint e = EndpointCodec.ENDPOINT.decode(entry);
    Endpoint mapped = new Endpoint(e.id(), e.container(), e.interfaceName(), e.mac(), e.ipv4Nets(), e.ipv6Nets(),
        e.profiles(), e.labels(), e.handle(), e.attachment(), List.of(mappings));
    assertThat(core.store.update(key, EndpointCodec.ENDPOINT.encode(mapped), entry.revision()).landed()).isTrue();
  }

  private static String iface(String container) {
    return EndpointId.of(new ContainerId(container)).hostInterfaceName();
  }
}
