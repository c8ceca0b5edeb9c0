package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash}: a script bash accepts, generated from the whole command tree, without any datastore. */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void theBashScriptCompletesEveryCommand() {
    AdminRun run = AdminRun.withoutServices("completion", "bash");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("complete -F _complete_calico-mesos -o default calico-mesos");
    for (String command : new String[] {"pool", "ipam", "endpoint", "profile", "policy", "node", "status", "modules-json", "cni-config",
        "diags",
        "completion"}) {
      assertThat(run.out()).as(command).containsPattern("(?m)^\\s*local cmds\\d+=\\(" + command + "\\)");
    }
    assertThat(run.out()).as("a subcommand's subcommands").containsPattern("(?m)^\\s*local cmds\\d+=\\(ipam check\\)");
  }

  @Test
  void theBashScriptIsValidBash() throws Exception {
    Path script = Files.writeString(dir.resolve("calico-mesos"), AdminRun.withoutServices("completion", "bash").out());

    Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(bash.exitValue()).isZero();
  }

  @Test
  void anotherShellIsAUsageError() {
    AdminRun run = AdminRun.withoutServices("completion", "fish");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: SHELL 'fish' is not supported; only bash is\n");
  }
}
