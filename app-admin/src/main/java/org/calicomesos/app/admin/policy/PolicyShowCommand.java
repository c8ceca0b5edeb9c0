package org.calicomesos.app.admin.policy;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.OutputFormat;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.StoredPolicy;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy show NAME}: the policy as the GlobalNetworkPolicy document {@code policy apply} reads, in YAML (or
 * JSON with {@code -o json}), so that it can be edited and applied again.
 */
@Command(name = "show", description = {"Print a policy as a GlobalNetworkPolicy document that 'policy apply' takes back.",
    "YAML by default, JSON with -o json. Exits 1 for an unknown or unreadable policy."})
final class PolicyShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "NAME", description = "The policy's name, as 'policy list' shows it.")
  private String name;

  PolicyShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    PolicyName policyName = ArgumentCheck.parse(spec, () -> new PolicyName(name));
    StoredPolicy stored = invocation.useCases().policies().show(policyName);
    NetworkPolicy policy = stored.policy().value().orElseThrow(() -> new UnreadablePolicyException("policy " + policyName
        + " cannot be read: " + stored.policy().problem().orElse("no record")));
    PrintStream out = invocation.out();
    if (output.format() == OutputFormat.JSON) {
      JsonDocument.write(CalicoPolicyDocument.tree(policy), out);
    } else {
      out.print(CalicoPolicyDocument.yaml(policy));
    }
    return 0;
  }
}
