package org.calicomesos.app.admin.completion;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.ports.model.Excerpt;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash}: the completion script picocli generates from this very command tree. */
@Command(name = "completion", description = {
    "Print the shell completion script for calico-mesos: its commands, their options and the options' values.",
    "Load it into the running shell with:",
    "  source <(calico-mesos completion bash)",
    "The Debian package installs it as /usr/share/bash-completion/completions/calico-mesos, which bash-completion"
        + " loads by itself. zsh can use it after 'autoload -U bashcompinit && bashcompinit'.",
    ""})
public final class CompletionCommand implements Callable<Integer> {
  /** The name the script completes: the command operators type. */
  static final String COMMAND_NAME = "calico-mesos";

  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;

  @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash (the only one so far).")
  private String shell;

  public CompletionCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    if (!Shells.NAMES.contains(shell)) {
      throw new ParameterException(spec.commandLine(), "SHELL '" + Excerpt.of(shell) + "' is not supported; only bash is");
    }
    invocation.out().print(AutoComplete.bash(COMMAND_NAME, spec.root().commandLine()));
    return 0;
  }

  /** The shells a script can be generated for; also what the script offers after {@code completion}. */
  static final class Shells implements Iterable<String> {
    static final List<String> NAMES = List.of("bash");

    @Override
    public Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}
