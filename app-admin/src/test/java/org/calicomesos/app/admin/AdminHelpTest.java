package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command answers --help without building the services, so a broken datastore config never hides help. */
class AdminHelpTest {

  record HelpCase(String usageLine, String... args) {}

  static Stream<HelpCase> helpCases() {
    return Stream.of(
        new HelpCase("Usage: calico-mesos [-hV] COMMAND", "--help"),
        new HelpCase("Usage: calico-mesos [-hV] COMMAND", "-h"),
        new HelpCase("Usage: calico-mesos pool [-h] (add | list | remove | encapsulation |", "pool", "--help"),
        new HelpCase("Usage: calico-mesos pool add ", "pool", "add", "--help"),
        new HelpCase("Usage: calico-mesos pool list ", "pool", "list", "--help"),
        new HelpCase("Usage: calico-mesos pool remove ", "pool", "remove", "-h"),
        new HelpCase("Usage: calico-mesos pool encapsulation ", "pool", "encapsulation", "--help"),
        new HelpCase("Usage: calico-mesos pool nat-outgoing ", "pool", "nat-outgoing", "--help"),
        new HelpCase("Usage: calico-mesos ipam [-h] (show | release | release-block | check)", "ipam", "--help"),
        new HelpCase("Usage: calico-mesos ipam release-block ", "ipam", "release-block", "--help"),
        new HelpCase("Usage: calico-mesos ipam show ", "ipam", "show", "--help"),
        new HelpCase("Usage: calico-mesos ipam release ", "ipam", "release", "--help"),
        new HelpCase("Usage: calico-mesos ipam check ", "ipam", "check", "--help"),
        new HelpCase("Usage: calico-mesos endpoint [-h] (list | show | label)", "endpoint", "--help"),
        new HelpCase("Usage: calico-mesos endpoint label ", "endpoint", "label", "--help"),
        new HelpCase("Usage: calico-mesos endpoint list ", "endpoint", "list", "--help"),
        new HelpCase("Usage: calico-mesos endpoint show ", "endpoint", "show", "--help"),
        new HelpCase("Usage: calico-mesos profile [-h] (list | show | rule)", "profile", "--help"),
        new HelpCase("Usage: calico-mesos profile list ", "profile", "list", "--help"),
        new HelpCase("Usage: calico-mesos profile show ", "profile", "show", "-h"),
        new HelpCase("Usage: calico-mesos profile rule [-h] (add | remove | list)", "profile", "rule", "--help"),
        new HelpCase("Usage: calico-mesos profile rule add ", "profile", "rule", "add", "--help"),
        new HelpCase("Usage: calico-mesos profile rule remove ", "profile", "rule", "remove", "-h"),
        new HelpCase("Usage: calico-mesos profile rule list ", "profile", "rule", "list", "--help"),
        new HelpCase("Usage: calico-mesos policy [-h] (apply | delete | list | show)", "policy", "--help"),
        new HelpCase("Usage: calico-mesos policy apply ", "policy", "apply", "--help"),
        new HelpCase("Usage: calico-mesos policy delete ", "policy", "delete", "--help"),
        new HelpCase("Usage: calico-mesos policy list ", "policy", "list", "--help"),
        new HelpCase("Usage: calico-mesos policy show ", "policy", "show", "--help"),
        new HelpCase("Usage: calico-mesos node [-h] (show)", "node", "--help"),
        new HelpCase("Usage: calico-mesos node show ", "node", "show", "--help"),
        new HelpCase("Usage: calico-mesos status [-h] [-o=FORMAT]", "status", "--help"),
        new HelpCase("Usage: calico-mesos modules-json [-h] [--library=PATH] [--plugin=PATH]", "modules-json", "--help"),
        new HelpCase("Usage: calico-mesos cni-config [-h] [--force] [--ipv6] [--mesos]", "cni-config", "--help"),
        new HelpCase("Usage: calico-mesos cni-config ", "cni-config", "--network", "a/b", "--help"),
        new HelpCase("Usage: calico-mesos diags [-h] [-o=FORMAT] [--output-file=PATH]", "diags", "--help"),
        new HelpCase("Usage: calico-mesos completion [-h] SHELL", "completion", "--help"),
        // The version line is help of its own kind: it too never needs the datastore, even before a command.
        new HelpCase("calico-mesos ", "--version"),
        new HelpCase("calico-mesos ", "-V"),
        new HelpCase("calico-mesos ", "-V", "pool", "list"),
        // --help wins over values that would otherwise be rejected or need the datastore.
        new HelpCase("Usage: calico-mesos pool add ", "pool", "add", "not-a-cidr", "--help"),
        new HelpCase("Usage: calico-mesos ipam release ", "ipam", "release", "--ip", "10.0.0.1", "--uid", "u", "--help"),
        new HelpCase("Usage: calico-mesos modules-json ", "modules-json", "--plugin", "not/absolute", "--help"),
        new HelpCase("Usage: calico-mesos endpoint show ", "endpoint", "show", "no/such", "--host", "x y", "--help"),
        new HelpCase("Usage: calico-mesos profile show ", "profile", "show", "--help"),
        new HelpCase("Usage: calico-mesos pool [-h] (add | list | remove | encapsulation |", "help", "pool"));
  }

  @ParameterizedTest
  @MethodSource("helpCases")
  void help_prints_usage_and_never_builds_the_services(HelpCase help) {
    AdminRun run = AdminRun.withoutServices(help.args());

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith(help.usageLine());
    assertThat(run.err()).isEmpty();
    assertThat(run.servicesBuilt()).isZero();
  }

  @ParameterizedTest
  @MethodSource("helpCases")
  void help_works_when_building_the_services_would_fail(HelpCase help) {
    AdminRun run = AdminRun.of(() -> {
      throw new IllegalStateException("CALICO_DATASTORE=bogus");
    }, help.args());

    assertThat(run.status()).isZero();
    assertThat(run.servicesBuilt()).isZero();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"pool list", "endpoint list", "endpoint show", "profile list",
      "profile show", "node show", "diags", "status"})
  void leaf_help_lists_the_output_option(String command) {
    AdminRun run = AdminRun.withoutServices((command + " --help").split(" "));

    assertThat(run.out()).contains("-o, --output=FORMAT").contains("table").contains("json");
  }
}
