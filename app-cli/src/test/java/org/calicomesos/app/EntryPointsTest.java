package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.admin.commandline.AdminCommandLine;
import org.calicomesos.app.config.ConfigurationReader;
import org.junit.jupiter.api.Test;

/**
 * The entry points as the root composes them: the agent is its own program, yet the admin CLI's help and
 * completion list it, as the operator expects of one {@code calico-mesos} command.
 */
class EntryPointsTest {
  private static final ConfigurationReader READER = new ConfigurationReader(() -> "testnode");
  private static final Map<String, String> ENV = Map.of("CALICO_DATASTORE", "memory");

  @Test
  void the_admin_help_and_completion_list_the_agent_and_help_agent_shows_its_usage() {
    assertThat(admin("--help").out).containsPattern("(?m)^\\s+agent\\s+Run this host's agent");
    assertThat(admin("help", "agent").out)
        .startsWith("Usage: calico-mesos agent [-h] [--no-policy] [--no-routes] [--no-serve]");
    assertThat(admin("completion", "bash").out).containsPattern("(?m)^\\s*local cmds\\d+=\\(agent\\)");
  }

  @Test
  void the_agents_own_command_line_has_the_same_usage_and_refuses_an_unknown_option() {
    Printed help = agent(ENV, "--help");
    assertThat(help.status).isZero();
    assertThat(help.out).startsWith("Usage: calico-mesos agent [-h] [--no-policy] [--no-routes] [--no-serve]");

    Printed misused = agent(ENV, "--no-such-option");
    assertThat(misused.status).isEqualTo(2);
    assertThat(misused.err).contains("Unknown option: '--no-such-option'");
  }

  @Test
  void an_agent_that_cannot_read_its_configuration_says_why_in_one_line_and_exits_1() {
    Printed refused = agent(Map.of("CALICO_DATASTORE", "zookeeper"), "--no-serve");

    assertThat(refused.status).isEqualTo(1);
    assertThat(refused.err).startsWith("error: ").contains("CALICO_DATASTORE").hasLineCount(1);
  }

  private static Printed admin(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AdminCommandLine.execute(args, Optional.empty(), () -> {
      throw new AssertionError("no admin command here needs the datastore");
    }, List.of(AgentEntryPoint.command(ENV, READER)), print(out), print(err));
    return new Printed(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Printed agent(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AgentEntryPoint.command(env, READER).execute(print(out), print(err), args);
    return new Printed(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private record Printed(int status, String out, String err) {}
}
