package org.calicomesos.app.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.calicomesos.app.netmodules.NetModulesProtocol;

/**
 * Fuzzes the net-modules decoder through the whole request pipeline: whatever is on stdin, the plugin prints
 * exactly one answer in the protocol's form, no exception but its own refusals gets that far, and a request
 * answered with an error wrote nothing to the store and changed nothing in the kernel (one refused for its input
 * did not even read it). The number of tries is
 * {@code jqwik.tries.default} (the build's {@code fuzz.tries}).
 */
class NetModulesFuzzTest {
  private static final NetModulesProtocol PROTOCOL = new NetModulesProtocol();

  // The generators weigh their odd values themselves; jqwik's edge cases would mix in every alternative's
  // extremes whatever its weight (a third of all tries were 3000-deep nestings and non-string commands).
  @Property(edgeCases = EdgeCasesMode.NONE)
  void anyStdinGetsOneAnswerAndAnErrorLeavesNoTrace(@ForAll("stdin") byte[] stdin) {
    Answer answer = InMemoryPlugin.answer(PROTOCOL, InMemoryPlugin.HOST_ENVIRONMENT, stdin);

    String outcome = NetModulesForm.check(answer.only());
    answer.assertNoCrash();
    answer.assertErrorLeftNoTrace();
    Statistics.label("answer").collect(outcome);
  }

  @Provide
  Arbitrary<byte[]> stdin() {
    return NetModulesInputs.stdin();
  }
}
