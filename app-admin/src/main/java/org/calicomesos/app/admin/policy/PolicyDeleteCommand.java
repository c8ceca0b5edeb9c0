package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.model.PolicyName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy delete NAME}; an unknown policy is a failure (exit 1). */
@Command(name = "delete", description = "Delete a policy. Exits 1 when there is no such policy.")
final class PolicyDeleteCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "NAME", description = "The policy's name, as 'policy list' shows it.")
  private String name;

  PolicyDeleteCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    PolicyName policy = ArgumentCheck.parse(spec, () -> new PolicyName(name));
    invocation.useCases().policies().delete(policy);
    output.print(new Deleted(policy), invocation.out());
    return 0;
  }

  private record Deleted(PolicyName policy) implements Report {
    @Override
    public void printText(PrintStream out) {
      out.println("deleted policy " + policy);
    }

    @Override
    public ObjectNode toJson() {
      return JsonDocument.object().put("deleted_policy", policy.value());
    }
  }
}
