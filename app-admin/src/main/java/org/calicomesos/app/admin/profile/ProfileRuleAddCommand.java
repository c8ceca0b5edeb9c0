package org.calicomesos.app.admin.profile;

import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profile rule add PROFILE inbound|outbound [--at POS] ACTION [conditions]}. */
@Command(name = "add", description = {"Add a rule to a profile's inbound or outbound rules, at the end or --at a position.",
    "ACTION is allow, deny or log (pass is for policies). Conditions left out match anything;"
        + " a rule with none matches every packet. Prints the profile's rules after the change."})
final class ProfileRuleAddCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;
  @Mixin private RuleOptions conditions;

  @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile: a netgroup, public, or default_<node>.")
  private String profile;

  @Parameters(index = "1", paramLabel = "DIRECTION", description = "inbound (traffic to its endpoints) or outbound.")
  private String direction;

  @Parameters(index = "2", paramLabel = "ACTION", description = "allow, deny or log.")
  private String action;

  @Option(names = "--at", paramLabel = "POS", description = "Insert as rule POS (1 is first); default: append.")
  private Integer position;

  ProfileRuleAddCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ProfileName name = ArgumentCheck.parse(spec, () -> new ProfileName(profile));
    PolicyType way = ArgumentCheck.parse(spec, () -> RuleDirection.parse(direction));
    Rule rule = conditions.rule(spec, action);
    ProfilePolicy after = RuleOptionNames.refusalsReworded(() -> invocation.useCases().profileRules()
        .addRule(name, way, rule, position == null ? OptionalInt.empty() : OptionalInt.of(position)));
    output.print(new ProfileRulesReport(name, Readout.of(after)), invocation.out());
    return 0;
  }
}
