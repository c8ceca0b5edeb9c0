package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A misused command exits 2 with one line saying what is wrong and one hint, before any datastore is touched. */
class AdminUsageErrorTest {

  record UsageCase(String message, String command, String... args) {}

  static Stream<UsageCase> usageErrors() {
    return Stream.of(
        new UsageCase("error: missing required subcommand", "calico-mesos"),
        new UsageCase("error: missing required subcommand", "calico-mesos pool", "pool"),
        new UsageCase("error: unmatched argument at index 0: 'xyzzy'", "calico-mesos", "xyzzy"),
        new UsageCase("error: unmatched argument at index 1: 'lis'; did you mean list?", "calico-mesos pool", "pool", "lis"),
        new UsageCase("error: missing required parameter: 'CIDR'", "calico-mesos pool add", "pool", "add"),
        new UsageCase("error: CIDR 'banana' is not an IP address", "calico-mesos pool add", "pool", "add", "banana"),
        new UsageCase("error: CIDR '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?",
            "calico-mesos pool add", "pool", "add", "10.0.0.1/16"),
        new UsageCase("error: CIDR '10.0.0.0' must be a CIDR such as 10.0.0.0/16", "calico-mesos pool add",
            "pool", "add", "10.0.0.0"),
        new UsageCase("error: block size /40 does not fit pool 10.0.0.0/16: it must be between /20 and /30",
            "calico-mesos pool add", "pool", "add", "10.0.0.0/16", "--block-size", "40"),
        new UsageCase("error: invalid value for option '--block-size': 'big' is not an int", "calico-mesos pool add",
            "pool", "add", "10.0.0.0/16", "--block-size", "big"),
        new UsageCase("error: CIDR '10.0.0.0/33' is not an IP address", "calico-mesos pool remove",
            "pool", "remove", "10.0.0.0/33"),
        new UsageCase("error: missing required parameter: 'SETTING'", "calico-mesos pool nat-outgoing",
            "pool", "nat-outgoing", "10.0.0.0/16"),
        new UsageCase("error: SETTING 'true' is not one of on, off", "calico-mesos pool nat-outgoing",
            "pool", "nat-outgoing", "10.0.0.0/16", "true"),
        new UsageCase("error: invalid value for option '--output': expected 'table' or 'json', got 'yaml'",
            "calico-mesos pool list", "pool", "list", "--output", "yaml"),
        new UsageCase("error: unknown option: '--ipv4'", "calico-mesos pool list", "pool", "list", "--ipv4"),
        new UsageCase("error: node name 'no/such' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit",
            "calico-mesos ipam show", "ipam", "show", "--host", "no/such"),
        new UsageCase("error: missing required argument (specify one of these): (--ip=IP[,IP...] [--ip=IP[,IP...]]... | --uid=UID)",
            "calico-mesos ipam release", "ipam", "release"),
        new UsageCase("error: --ip=IP, --uid=UID are mutually exclusive (specify only one)", "calico-mesos ipam release",
            "ipam", "release", "--ip", "10.0.0.1", "--uid", "abc"),
        new UsageCase("error: ip '10.0.0.0/24' must be a single address, not a CIDR", "calico-mesos ipam release",
            "ipam", "release", "--ip", "10.0.0.1,10.0.0.0/24"),
        new UsageCase("error: ip is missing", "calico-mesos ipam release", "ipam", "release", "--ip", "10.0.0.1,,10.0.0.2"),
        new UsageCase("error: uid '../etc' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit",
            "calico-mesos ipam release", "ipam", "release", "--uid", "../etc"),
        new UsageCase("error: unmatched argument at index 2: 'extra'", "calico-mesos ipam check", "ipam", "check", "extra"),
        new UsageCase("error: missing required subcommand", "calico-mesos endpoint", "endpoint"),
        new UsageCase("error: node name 'a b' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit",
            "calico-mesos endpoint list", "endpoint", "list", "--host", "a b"),
        new UsageCase("error: missing required parameter: 'CONTAINER_ID'", "calico-mesos endpoint show", "endpoint", "show"),
        new UsageCase("error: container_id '../x' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit",
            "calico-mesos endpoint show", "endpoint", "show", "../x"),
        new UsageCase("error: missing required parameter: 'NAME'", "calico-mesos profile show", "profile", "show"),
        new UsageCase("error: profile 'a/b' may hold only letters, digits, '_', '.' and '-', starting with a letter or digit",
            "calico-mesos profile show", "profile", "show", "a/b"),
        new UsageCase("error: unmatched argument at index 2: 'other-host'", "calico-mesos node show", "node", "show", "other-host"),
        new UsageCase("error: invalid value for option '--output': expected 'table' or 'json', got 'yaml'",
            "calico-mesos node show", "node", "show", "-o", "yaml"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void misuse_exits_2_with_one_line_and_a_hint(UsageCase usage) {
    AdminRun run = AdminRun.withoutServices(usage.args());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(
        usage.message(), "Try '" + usage.command() + " --help' for more information.");
    assertThat(run.servicesBuilt()).isZero();
  }
}
