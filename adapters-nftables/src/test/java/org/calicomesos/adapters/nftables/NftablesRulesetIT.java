package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.adapters.nftables.Policies.endpoint;
import static org.calicomesos.adapters.nftables.Policies.ip;
import static org.calicomesos.adapters.nftables.Policies.profile;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.policy.NftFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the renderer and the transaction promise, against the real nft and kernel (root needed): large random
 * policies are accepted, and a refused transaction leaves the table in force exactly as it was.
 */
class NftablesRulesetIT {
  private final String table = "calico_mesos_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final NftProcess nft = new NftProcess("nft", Duration.ofSeconds(60));
  private final NftablesPolicyDataplane dataplane = new NftablesPolicyDataplane(table, nft);

  @AfterEach
  void removeTable() {
    NftFacts.deleteTable(table);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void nftAcceptsALargeRandomPolicyWithHostileTags(long seed) {
    HostPolicy policy = RandomPolicies.generate(seed, 2_000);
    RulesetRenderer renderer = new RulesetRenderer(table);
    String script = renderer.replace(policy);

    assertThat(renderer.replace(RandomPolicies.generate(seed, 2_000))).isEqualTo(script);
    nft.check(script, "replace table inet " + table);
    assertThat(NftFacts.tableExists(table)).as("check mode changes nothing").isFalse();
  }

  @Test
  void aScriptTheParserRefusesAtItsEndLeavesTheTableAsItWas() {
    assertRefusedAndTableUnchanged("""
          chain broken {
            this is not nft
          }
        """, "syntax error");
  }

  @Test
  void aScriptTheKernelRefusesAfterTheDeleteLeavesTheTableAsItWas() {
    // Valid to nft's parser and evaluator; the kernel refuses the second element of a set of size 1 (ENFILE),
    // after it has already taken the "delete table" of the same transaction.
    assertRefusedAndTableUnchanged("""
          set full {
            type ipv4_addr
            size 1
            elements = { 192.0.2.1, 192.0.2.2 }
          }
        """, "Could not process rule");

    dataplane.enforce(otherPolicy());
    assertThat(NftFacts.listTable(table)).contains("10.9.0.0/16");
  }

  @Test
  void aPolicyAfterTheFirstIsAnUpdateOfTheTableAsItStands() {
    dataplane.enforce(policy());
    String handleOfTheBaseChain = handleOf("chain forward");

    dataplane.enforce(otherPolicy());

    assertThat(NftFacts.listTable(table)).contains("chain from_cali0000000000b", "10.9.0.0/16")
        .doesNotContain("cali0000000000a", "tag4_prod");
    assertThat(handleOf("chain forward")).as("the table was not replaced").isEqualTo(handleOfTheBaseChain);
  }

  @Test
  void anUpdateTheKernelRefusesBecauseSomeoneDeletedOurTableBecomesAReplacement() {
    dataplane.enforce(policy());
    NftFacts.deleteTable(table);

    dataplane.enforce(otherPolicy());

    assertThat(NftFacts.listTable(table)).contains("chain forward", "chain from_cali0000000000b", "10.9.0.0/16")
        .doesNotContain("cali0000000000a");
  }

  @Test
  void anNftThatCannotRunIsAPolicyApplyException() {
    NftablesPolicyDataplane missing = new NftablesPolicyDataplane(table,
        new NftProcess("/nonexistent/nft", Duration.ofSeconds(5)));

    assertThatThrownBy(() -> missing.enforce(policy()))
        .isInstanceOf(PolicyApplyException.class)
        .hasMessageStartingWith("cannot run /nonexistent/nft to replace table inet " + table);
  }

  private static HostPolicy policy() {
    return new HostPolicy(
        List.of(endpoint("cali0000000000a", List.of("198.18.0.1"),
            profile("prod", List.of(Rule.allowFromTag("prod")), List.of(Rule.ALLOW_ALL)))),
        List.of(new TagSet("prod", List.of(ip("198.18.0.1"), ip("198.18.0.2")))));
  }

  private static HostPolicy otherPolicy() {
    return new HostPolicy(
        List.of(endpoint("cali0000000000b", List.of("198.18.0.3"),
            profile("dev", List.of(Rule.allowFromNet(ip("10.9.0.0/16"))), List.of()))),
        List.of());
  }

  /** Enforces a policy, then commits another one with {@code tail} added at its end: refused, nothing changed. */
  private void assertRefusedAndTableUnchanged(String tail, String reason) {
    dataplane.enforce(policy());
    String before = NftFacts.listTable(table);
    String broken = withTail(new RulesetRenderer(table).replace(otherPolicy()), tail);

    assertThatThrownBy(() -> dataplane.replaceWith(broken))
        .isInstanceOf(PolicyApplyException.class)
        .hasMessageStartingWith("cannot replace table inet " + table + ": nft refused, and the table is left as it was: line ")
        .hasMessageContaining(reason)
        .hasMessageNotContaining("\n");
    assertThat(NftFacts.listTable(table)).isEqualTo(before);
  }

  /** The kernel's handle of one object of our table ({@code nft -a} prints it after the header). */
  private String handleOf(String header) {
    return KernelCommand.run("nft", "-a", "list", "table", "inet", table).lines().map(String::strip)
        .filter(line -> line.startsWith(header + " {")).findFirst().orElseThrow();
  }

  /** The script with {@code tail} added inside the table, just before its closing brace. */
  private static String withTail(String script, String tail) {
    assertThat(script).endsWith("\n}\n");
    return script.substring(0, script.length() - 2) + tail + "}\n";
  }
}
