package org.calicomesos.app.fuzz;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.calicomesos.app.cni.CniProtocol;

/**
 * Fuzzes the CNI decoders (the {@code CNI_*} environment, the network configuration with Mesos' metadata, the
 * settings laid over the environment) through the whole request pipeline, for the main plugin and the IPAM plugin:
 * whatever they are handed, they print exactly one answer in CNI's form, never code 999, and a request answered
 * with an error wrote nothing to the store and changed nothing in the kernel (one refused for its input did not
 * even read it). The number of tries is
 * {@code jqwik.tries.default} (the build's {@code fuzz.tries}).
 */
class CniFuzzTest {
  // No host defaults file: what the plugin reads is the fuzzed request alone.
  private static final Path NO_DEFAULTS = Path.of("/nonexistent/calico-mesos");

  // The generators weigh their odd values themselves; jqwik's edge cases would mix in every alternative's
  // extremes whatever its weight (a third of all tries were 3000-deep nestings and non-string commands).
  @Property(edgeCases = EdgeCasesMode.NONE)
  void anyRequestGetsOneAnswerAndAnErrorLeavesNoTrace(@ForAll("plugins") CniProtocol plugin,
      @ForAll("requests") CniInput request) {
    Answer answer = InMemoryPlugin.answer(plugin, request.environment(), request.stdin());

    String outcome = CniForm.check(answer.only());
    answer.assertNoCrash();
    answer.assertErrorLeftNoTrace();
    Statistics.label("answer").collect(plugin.name() + " " + outcome);
  }

  @Provide
  Arbitrary<CniProtocol> plugins() {
    return Arbitraries.of(CniProtocol.plugin(NO_DEFAULTS), CniProtocol.ipam(NO_DEFAULTS));
  }

  @Provide
  Arbitrary<CniInput> requests() {
    return CniInputs.requests();
  }
}
