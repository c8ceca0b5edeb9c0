package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.rule.RuleText;
import org.calicomesos.app.admin.rule.RuleTree;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profile rule remove PROFILE inbound|outbound --at POS}. */
@Command(name = "remove", description = "Remove the rule at a position (as 'profile rule list' numbers them).")
final class ProfileRuleRemoveCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile.")
  private String profile;

  @Parameters(index = "1", paramLabel = "DIRECTION", description = "inbound or outbound.")
  private String direction;

  @Option(names = "--at", required = true, paramLabel = "POS", description = "The rule's position, 1 is first.")
  private int position;

  ProfileRuleRemoveCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ProfileName name = ArgumentCheck.parse(spec, () -> new ProfileName(profile));
    PolicyType way = ArgumentCheck.parse(spec, () -> RuleDirection.parse(direction));
    Rule removed = RuleOptionNames.refusalsReworded(
        () -> invocation.useCases().profileRules().removeRule(name, way, position));
    output.print(new Removed(name, way, position, removed), invocation.out());
    return 0;
  }

  private record Removed(ProfileName profile, PolicyType direction, int position, Rule rule) implements Report {
    @Override
    public void printText(PrintStream out) {
      out.println("removed " + RuleDirection.word(direction) + " rule " + position + " of profile " + profile + ": "
          + RuleText.of(rule));
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode json = JsonDocument.object()
          .put("profile", profile.value())
          .put("direction", RuleDirection.word(direction))
          .put("position", position);
      json.set("removed_rule", RuleTree.of(rule, RuleTree.Spelling.SNAKE_CASE));
      return json;
    }
  }
}
