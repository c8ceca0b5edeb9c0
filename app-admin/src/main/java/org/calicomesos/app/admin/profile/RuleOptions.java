package org.calicomesos.app.admin.profile;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.InvalidSelectorException;
import org.calicomesos.ports.policy.selector.Selector;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * A rule's conditions as {@code profile rule add} takes them: {@code --protocol}, the ICMP match, and per side
 * ({@code --from-…} the source, {@code --to-…} the destination) a tag, nets, nets excluded, a selector, ports and
 * ports excluded. A value the rule model refuses is a usage error naming the option.
 */
final class RuleOptions {
  @Option(names = "--protocol", paramLabel = "PROTOCOL",
      description = "tcp, udp, icmp, icmpv6, sctp, udplite or a protocol number 1-255.")
  private String protocol;

  @Option(names = "--icmp-type", paramLabel = "TYPE", description = "ICMP type 0-255 (needs --protocol icmp or icmpv6).")
  private Integer icmpType;

  @Option(names = "--icmp-code", paramLabel = "CODE", description = "ICMP code 0-255 (needs --icmp-type).")
  private Integer icmpCode;

  @Option(names = "--from-tag", paramLabel = "TAG", description = "From endpoints whose profiles carry this tag (a netgroup).")
  private String fromTag;

  @Option(names = "--from-net", paramLabel = "CIDR", description = "From this net (repeatable: any of them).")
  private List<String> fromNets = new ArrayList<>();

  @Option(names = "--not-from-net", paramLabel = "CIDR", description = "Not from this net (repeatable: none of them).")
  private List<String> notFromNets = new ArrayList<>();

  @Option(names = "--from-selector", paramLabel = "SELECTOR",
      description = "From endpoints whose labels this Calico selector matches, e.g. \"role == 'db'\".")
  private String fromSelector;

  @Option(names = "--from-ports", paramLabel = "PORTS", description = "From these ports: 80,8000:8080 (needs a protocol with ports).")
  private String fromPorts;

  @Option(names = "--not-from-ports", paramLabel = "PORTS", description = "Not from these ports.")
  private String notFromPorts;

  @Option(names = "--to-tag", paramLabel = "TAG", description = "To endpoints whose profiles carry this tag.")
  private String toTag;

  @Option(names = "--to-net", paramLabel = "CIDR", description = "To this net (repeatable: any of them).")
  private List<String> toNets = new ArrayList<>();

  @Option(names = "--not-to-net", paramLabel = "CIDR", description = "Not to this net (repeatable: none of them).")
  private List<String> notToNets = new ArrayList<>();

  @Option(names = "--to-selector", paramLabel = "SELECTOR", description = "To endpoints whose labels this selector matches.")
  private String toSelector;

  @Option(names = "--to-ports", paramLabel = "PORTS", description = "To these ports: 80,8000:8080 (needs a protocol with ports).")
  private String toPorts;

  @Option(names = "--not-to-ports", paramLabel = "PORTS", description = "Not to these ports.")
  private String notToPorts;

  /** The rule, or a usage error naming the option whose value the rule model refuses. */
  Rule rule(CommandSpec spec, String actionText) {
    return check(spec, () -> {
      RuleAction action = RuleAction.parse("ACTION", actionText);
      Optional<RuleProtocol> ruleProtocol = Optional.ofNullable(protocol)
          .map(text -> RuleProtocol.parse("--protocol", text));
      Optional<IcmpMatch> icmp = Optional.empty();
      if (icmpType != null) {
        icmp = Optional.of(new IcmpMatch(icmpType, icmpCode == null ? OptionalInt.empty() : OptionalInt.of(icmpCode)));
      } else if (icmpCode != null) {
        throw new InvalidPolicyException("--icmp-code", "needs --icmp-type");
      }
      RuleEntity source = entity("from", fromTag, fromNets, notFromNets, fromSelector, fromPorts, notFromPorts);
      RuleEntity destination = entity("to", toTag, toNets, notToNets, toSelector, toPorts, notToPorts);
      return new Rule(action, ruleProtocol, icmp, source, destination);
    });
  }

  private static RuleEntity entity(String side, String tag, List<String> nets, List<String> notNets, String selector,
      String ports, String notPorts) {
    if (tag != null && tag.isBlank()) {
      throw new InvalidPolicyException("--" + side + "-tag", "must not be empty");
    }
    return new RuleEntity(nets("--" + side + "-net", nets), nets("--not-" + side + "-net", notNets),
        Optional.ofNullable(selector).map(text -> selector("--" + side + "-selector", text)), Optional.ofNullable(tag),
        ports("--" + side + "-ports", ports), ports("--not-" + side + "-ports", notPorts));
  }

  private static List<IPAddress> nets(String option, List<String> texts) {
    return texts.stream().map(text -> Addresses.parseNet(option, text)).toList();
  }

  private static Selector selector(String option, String text) {
    try {
      return Selector.parse(text);
    } catch (InvalidSelectorException e) {
      throw new InvalidRequestException(e.describe(option));
    }
  }

  private static List<PortRange> ports(String option, String text) {
    if (text == null) {
      return List.of();
    }
    List<PortRange> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      ranges.add(PortRange.parse(option, part));
    }
    return ranges;
  }

  private static Rule check(CommandSpec spec, Supplier<Rule> build) {
    try {
      return build.get();
    } catch (InvalidPolicyException e) {
      throw new ParameterException(spec.commandLine(), RuleOptionNames.reworded(e).getMessage(), e);
    } catch (InvalidRequestException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
