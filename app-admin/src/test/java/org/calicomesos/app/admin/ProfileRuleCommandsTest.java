package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code profile rule add|remove|list} over the real core services and a memory store. */
class ProfileRuleCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CoreOverMemory core = new CoreOverMemory();

  @BeforeEach
  void isolateAContainerInProd() {
    core.isolate(CoreOverMemory.NODE, "10.0.0.5", "web-1", 1, 0, "prod");
  }

  @Test
  void add_inserts_a_rule_and_prints_the_profiles_rules_numbered() {
    AdminRun added = core.run("profile", "rule", "add", "prod", "inbound", "--at", "1", "deny", "--protocol", "tcp",
        "--from-net", "10.1.0.0/16", "--not-from-net", "10.1.2.0/24", "--to-ports", "22,8000:8080");
    AdminRun appended = core.run("profile", "rule", "add", "prod", "outbound", "log", "--protocol", "icmp",
        "--icmp-type", "8", "--to-selector", "has(db)");

    assertThat(added.err()).isEmpty();
    assertThat(added.out()).isEqualTo("""
        inbound rules:
          1  deny tcp from nets 10.1.0.0/16 !nets 10.1.2.0/24 to ports 22,8000:8080
          2  allow from tag prod
        outbound rules:
          1  allow
        """);
    assertThat(appended.out()).endsWith("""
        outbound rules:
          1  allow
          2  log icmp type 8 to selector "has(db)"
        """);
    assertThat(core.run("profile", "rule", "list", "prod").out()).isEqualTo(appended.out());
    assertThat(core.run("profile", "show", "prod").out()).endsWith(appended.out());
  }

  @Test
  void remove_takes_the_rule_at_a_position_out() throws Exception {
    AdminRun removed = core.run("profile", "rule", "remove", "prod", "outbound", "--at", "1");
    JsonNode list = JSON.readTree(core.run("profile", "rule", "list", "prod", "-o", "json").out());

    assertThat(removed.out()).isEqualTo("removed outbound rule 1 of profile prod: allow\n");
    assertThat(list.get("inbound_rules").toString()).isEqualTo("[{\"action\":\"allow\",\"source\":{\"tag\":\"prod\"}}]");
    assertThat(list.get("outbound_rules").toString()).isEqualTo("[]");
  }

  @Test
  void bad_values_are_usage_errors_naming_the_option_and_write_nothing() {
    assertUsageError("error: --protocol must be tcp, udp, icmp, icmpv6, sctp, udplite or a number from 1 to 255,"
        + " not 'tcpx'", "prod", "inbound", "allow", "--protocol", "tcpx");
    assertUsageError("error: --to-ports must be a port from 0 to 65535 or a range such as 8000:8080, not '70000'",
        "prod", "inbound", "allow", "--protocol", "tcp", "--to-ports", "80,70000");
    assertUsageError("error: --to-ports need protocol tcp, udp, sctp or udplite", "prod", "inbound", "allow",
        "--to-ports", "80");
    assertUsageError("error: --from-net '10.1.2.3/16' has host bits set; did you mean 10.1.0.0/16?", "prod", "inbound",
        "allow", "--from-net", "10.1.2.3/16");
    assertUsageError("error: ACTION must be allow, deny, log or pass, not 'permit'", "prod", "inbound", "permit");
    assertUsageError("error: DIRECTION must be inbound or outbound, not 'in'", "prod", "in", "allow");
    assertUsageError("error: --icmp-type needs protocol icmp or icmpv6, not tcp", "prod", "inbound", "allow",
        "--protocol", "tcp", "--icmp-type", "8");
  }

  @Test
  void a_bad_selector_is_a_usage_error_naming_the_option() {
    assertUsageError("error: --from-selector \"app == web\" is not valid: expected a quoted value after '==' but found"
        + " 'web' at character 8", "prod", "inbound", "allow", "--from-selector", "app == web");
  }

  @Test
  void refusals_of_the_profile_exit_1_with_one_line_naming_the_option() {
    List<Entry> before = core.store.list("/").entries();

    AdminRun pass = core.run("profile", "rule", "add", "prod", "inbound", "pass");
    AdminRun past = core.run("profile", "rule", "add", "prod", "inbound", "--at", "3", "allow");
    AdminRun none = core.run("profile", "rule", "remove", "prod", "inbound", "--at", "2");
    AdminRun unknown = core.run("profile", "rule", "add", "nope", "inbound", "allow");

    assertThat(pass.err()).isEqualTo("error: ACTION cannot be pass in a profile: pass hands a packet from the policies"
        + " to the profiles\n");
    assertThat(past.err()).isEqualTo("error: --at must be from 1 to 2, not 3\n");
    assertThat(none.err()).isEqualTo("error: --at must be from 1 to 1, not 2\n");
    assertThat(unknown.err()).isEqualTo("error: there is no profile nope\n");
    assertThat(List.of(pass, past, none, unknown)).allSatisfy(run -> assertThat(run.status()).isEqualTo(1));
    assertThat(core.store.list("/").entries()).isEqualTo(before);
  }

  private void assertUsageError(String line, String... args) {
    List<Entry> before = core.store.list("/").entries();
    String[] command = new String[args.length + 3];
    command[0] = "profile";
    command[1] = "rule";
    command[2] = "add";
    System.arraycopy(args, 0, command, 3, args.length);

    AdminRun run = AdminRun.of(core::services, command);

    assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(run.err()).startsWith(line + "\n");
    assertThat(run.servicesBuilt()).isZero();
    assertThat(core.store.list("/").entries()).isEqualTo(before);
  }
}
