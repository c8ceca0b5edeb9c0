package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.PolicyName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy apply|delete|list|show} over the real core service and a memory store. */
class PolicyCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEB = """
      apiVersion: projectcalico.org/v3
      kind: GlobalNetworkPolicy
      metadata:
        name: allow-web
      spec:
        order: 100
        selector: has(prod)
        types:
          - Ingress
          - Egress
        ingress:
          - action: Allow
            protocol: TCP
            source:
              nets: ["10.1.0.0/16"]
              notNets: ["10.1.2.0/24"]
            destination:
              ports: [80, "8000:8080"]
          - action: Deny
            protocol: ICMP
            icmp:
              type: 8
              code: 0
        egress:
          - action: Allow
            protocol: 17
            destination:
              selector: has(dns)
              notPorts: [5353]
      """;
  private static final String DENY_ALL = """
      apiVersion: projectcalico.org/v3
      kind: GlobalNetworkPolicy
      metadata:
        name: default-deny
      spec:
        selector: all()
        types: [Ingress]
      """;

  private final CoreOverMemory core = new CoreOverMemory();

  @TempDir Path dir;

  @Test
  void apply_writes_every_document_and_list_and_show_read_them_back() throws IOException {
    Path file = write("policy.yaml", WEB + "---\n" + DENY_ALL);

    AdminRun applied = core.run("policy", "apply", "-f", file.toString());

    assertThat(applied.err()).isEmpty();
    assertThat(applied.status()).isZero();
    assertThat(applied.out()).isEqualTo("policy allow-web created\npolicy default-deny created\n");
    assertThat(core.run("policy", "list").out()).isEqualTo("""
        NAME          ORDER  SELECTOR   TYPES           INGRESS  EGRESS
        allow-web       100  has(prod)  Ingress,Egress        2       1
        default-deny      -  all()      Ingress               0       0
        """);
    JsonNode listed = JSON.readTree(core.run("policy", "list", "-o", "json").out()).get("policies").get(0);
    assertThat(listed.toString()).isEqualTo("{\"name\":\"allow-web\",\"order\":100.0,\"selector\":\"has(prod)\","
        + "\"types\":[\"Ingress\",\"Egress\"],\"ingress_rule_count\":2,\"egress_rule_count\":1,\"unreadable\":null}");
    assertThat(core.run("policy", "show", "allow-web").out()).isEqualTo("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: allow-web
        spec:
          order: 100
          selector: has(prod)
          types:
            - Ingress
            - Egress
          ingress:
            - action: Allow
              protocol: TCP
              source:
                nets:
                  - 10.1.0.0/16
                notNets:
                  - 10.1.2.0/24
              destination:
                ports:
                  - 80
                  - 8000:8080
            - action: Deny
              protocol: ICMP
              icmp:
                type: 8
                code: 0
          egress:
            - action: Allow
              protocol: UDP
              destination:
                selector: has(dns)
                notPorts:
                  - 5353
        """);
  }

  @Test
  void what_show_prints_applies_back_unchanged_in_yaml_and_in_json() {
    AdminRun.withInput(core.services(), WEB.replace("selector: has(dns)", "selector: \"!has(dns) && role == 'x'\"")
        .replace("order: 100", "order: 2.5"), "policy", "apply", "-f", "-");
    List<Entry> before = core.store.list("/").entries();

    String yaml = core.run("policy", "show", "allow-web").out();
    String json = core.run("policy", "show", "allow-web", "-o", "json").out();
    AdminRun yamlAgain = AdminRun.withInput(core.services(), yaml, "policy", "apply", "-f", "-");
    AdminRun jsonAgain = AdminRun.withInput(core.services(), json, "policy", "apply", "-f", "-", "-o", "json");

    assertThat(yamlAgain.out()).isEqualTo("policy allow-web unchanged\n");
    assertThat(jsonAgain.out()).contains("\"outcome\" : \"unchanged\"");
    assertThat(core.store.list("/").entries()).isEqualTo(before);
  }

  @Test
  void a_changed_policy_is_updated_and_a_list_document_applies_its_items() {
    AdminRun.withInput(core.services(), DENY_ALL, "policy", "apply", "-f", "-");

    AdminRun run = AdminRun.withInput(core.services(), """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicyList
        items:
          - metadata: {name: default-deny}
            spec: {order: 2000, selector: all(), types: [Ingress, Egress]}
          - apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: other}
        """, "policy", "apply", "-f", "-");

    assertThat(run.out()).isEqualTo("policy default-deny updated\npolicy other created\n");
    assertThat(core.run("policy", "show", "default-deny").out()).contains("  order: 2000\n");
  }

  @Test
  void an_unknown_protocol_is_refused_naming_the_field_and_nothing_is_written() throws IOException {
    assertRefused("policy.yaml", WEB.replace("protocol: TCP", "protocol: tcpx"),
        "policy.yaml: spec.ingress[0].protocol must be tcp, udp, icmp, icmpv6, sctp, udplite or a number from 1 to 255,"
            + " not 'tcpx'");
  }

  @Test
  void a_port_out_of_range_in_the_second_document_writes_not_even_the_first() throws IOException {
    assertRefused("policy.yaml", DENY_ALL + "---\n" + WEB.replace("[80, \"8000:8080\"]", "[80, 70000]"),
        "policy.yaml document 2: spec.ingress[0].destination.ports[1] must be a port from 0 to 65535 or a range such"
            + " as 8000:8080, not '70000'");
  }

  @Test
  void a_bad_cidr_is_refused_naming_the_field() throws IOException {
    assertRefused("policy.yaml", WEB.replace("10.1.2.0/24", "10.1.2.3/16"),
        "policy.yaml: spec.ingress[0].source.notNets[0] '10.1.2.3/16' has host bits set; did you mean 10.1.0.0/16?");
  }

  @Test
  void fields_we_do_not_enforce_are_refused_by_name_anywhere() throws IOException {
    assertRefused("a.yaml", WEB.replace("  order: 100\n", "  order: 100\n  doNotTrack: true\n"),
        "a.yaml: spec.doNotTrack is not supported");
    assertRefused("b.yaml", WEB.replace("protocol: TCP\n", "protocol: TCP\n      notProtocol: UDP\n"),
        "b.yaml: spec.ingress[0].notProtocol is not supported");
    assertRefused("c.yaml", WEB.replace("  name: allow-web\n", "  name: allow-web\n  namespace: default\n"),
        "c.yaml: metadata.namespace is not supported");
    assertRefused("d.yaml", WEB.replace("selector: has(dns)", "serviceAccounts: {names: [x]}"),
        "d.yaml: spec.egress[0].destination.serviceAccounts is not supported");
  }

  @Test
  void a_wrong_kind_or_api_version_is_refused_naming_it() throws IOException {
    assertRefused("policy.yaml", WEB.replace("kind: GlobalNetworkPolicy", "kind: NetworkPolicy"),
        "policy.yaml: kind must be GlobalNetworkPolicy or GlobalNetworkPolicyList, not 'NetworkPolicy'");
    assertRefused("policy.yaml", WEB.replace("projectcalico.org/v3", "v1"),
        "policy.yaml: apiVersion must be projectcalico.org/v3, not 'v1'");
    assertRefused("policy.yaml", WEB.replace("      protocol: 17\n", ""),
        "policy.yaml: spec.egress[0].destination.notPorts need protocol tcp, udp, sctp or udplite");
  }

  @Test
  void a_bad_selector_is_refused_naming_the_field() throws IOException {
    assertRefused("policy.yaml", WEB.replace("selector: has(dns)", "selector: app == web"),
        "policy.yaml: spec.egress[0].destination.selector \"app == web\" is not valid: expected a quoted value after"
            + " '==' but found 'web' at character 8");
  }

  @Test
  void json_input_is_read_like_yaml_and_broken_input_is_one_line() throws IOException {
    AdminRun json = AdminRun.withInput(core.services(), """
        {"apiVersion": "projectcalico.org/v3", "kind": "GlobalNetworkPolicy", "metadata": {"name": "ssh"},
         "spec": {"ingress": [{"action": "Allow", "protocol": "tcp", "destination": {"ports": [22]}}]}}
        """, "policy", "apply", "-f", "-");

    assertThat(json.out()).isEqualTo("policy ssh created\n");
    assertThat(core.run("policy", "list").out()).isEqualTo("""
        NAME  ORDER  SELECTOR  TYPES    INGRESS  EGRESS
        ssh       -  all()     Ingress        1       0
        """);
    assertRefused("twice.yaml", DENY_ALL + "---\n" + DENY_ALL,
        "twice.yaml document 2: policy default-deny is given more than once, first in document 1");
    assertRefused("broken.yaml", "apiVersion: [\n", "broken.yaml: not valid YAML: while parsing a flow node"
        + " at line 1, column 14");
    assertRefused("icmp.yaml", WEB.replace("    type: 8\n", ""),
        "icmp.yaml: spec.ingress[1].icmp.type is missing; an ICMP match needs a type");
    assertRefused("types.yaml", DENY_ALL.replace("[Ingress]", "[Ingress, Sideways]"),
        "types.yaml: spec.types[1] must be Ingress or Egress, not 'Sideways'");
    assertRefused("egress.yaml", WEB.replace("    - Egress\n", ""),
        "egress.yaml: spec.egress is given, but spec.types does not name Egress");
    AdminRun missing = core.run("policy", "apply", "-f", dir.resolve("nope.yaml").toString());
    assertThat(missing.err()).isEqualTo("error: " + dir + "/nope.yaml: no such file\n");
    assertThat(missing.status()).isEqualTo(1);
  }

  @Test
  void delete_removes_a_policy_and_an_unknown_one_exits_1() {
    AdminRun.withInput(core.services(), DENY_ALL, "policy", "apply", "-f", "-");

    AdminRun deleted = core.run("policy", "delete", "default-deny");
    AdminRun again = core.run("policy", "delete", "default-deny");

    assertThat(deleted.out()).isEqualTo("deleted policy default-deny\n");
    assertThat(core.store.get(core.keys.policy(new PolicyName("default-deny")))).isEmpty();
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("error: there is no policy default-deny\n");
    assertThat(core.run("policy", "list").out()).isEqualTo("no policies are recorded; 'policy apply -f FILE' writes them\n");
  }

  @Test
  void endpoint_show_and_node_show_name_the_policies_that_select_the_endpoints() throws Exception {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "db-1", 1, 0, "dev");
    AdminRun.withInput(core.services(), WEB + "---\n" + DENY_ALL, "policy", "apply", "-f", "-");

    String web = core.run("endpoint", "show", "web-1").out();
    JsonNode db = JSON.readTree(core.run("endpoint", "show", "db-1", "-o", "json").out()).get("endpoints").get(0);

    assertThat(web).contains("selector labels:   app=web-1, prod=\n")
        .contains("ingress policies:  allow-web, default-deny\n")
        .contains("egress policies:   allow-web\n");
    assertThat(db.get("selector_labels").toString()).isEqualTo("{\"app\":\"db-1\",\"dev\":\"\"}");
    assertThat(db.get("ingress_policies").toString()).isEqualTo("[\"default-deny\"]");
    assertThat(db.get("egress_policies").toString()).isEqualTo("[]");
    assertThat(core.run("node", "show").out()).contains("policies:       allow-web, default-deny\n");
    assertThat(JSON.readTree(core.run("node", "show", "-o", "json").out()).get("policies").toString())
        .isEqualTo("[\"allow-web\",\"default-deny\"]");
  }

  private void assertRefused(String name, String content, String sentence) throws IOException {
    Path file = write(name, content);
    List<Entry> before = core.store.list("/").entries();

    AdminRun run = core.run("policy", "apply", "-f", file.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: " + dir + "/" + sentence + "\n");
    assertThat(run.out()).isEmpty();
    assertThat(core.store.list("/").entries()).isEqualTo(before);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
