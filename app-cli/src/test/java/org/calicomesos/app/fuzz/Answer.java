package org.calicomesos.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * What one request printed and did: every answer written to stdout, whether the deadline gave it up, how many
 * writes reached the store, which kernel calls it made, what it holds once answered (handles and endpoint records
 * in the store, veths in the kernel), the exception its error came from (none when the pipeline refused it before
 * its endpoint ran), and its log.
 */
record Answer(List<PluginResponse> printed, boolean abandoned, long storeWrites, List<String> kernelCalls,
    List<String> heldKeys, List<String> heldInterfaces, Optional<Throwable> failure, String log) {

  /** The one answer: a request is answered exactly once, and never by its deadline here. */
  PluginResponse only() {
    assertThat(abandoned).as("abandoned by its deadline; %s", this).isFalse();
    assertThat(printed).as("answers printed; %s", this).hasSize(1);
    return printed.get(0);
  }

  /** Whatever went wrong was one of calico-mesos' own refusals, never an exception nobody expected. */
  void assertNoCrash() {
    failure.ifPresent(cause -> assertThat(cause).as("what the error came from; %s", this)
        .isInstanceOf(CalicoMesosException.class));
  }

  /**
   * A request whose input is refused (by a decoder, or as a configuration: the pipeline's own refusals and
   * {@link InvalidRequestException}) wrote nothing to the store and asked the kernel nothing: it was refused before
   * anything ran. A valid request that the host's state refuses (no pool of a family, an address not allocated)
   * may have done some of its work before it found out, and undone it: it holds nothing, all or none.
   */
  void assertErrorLeftNoTrace() {
    if (only().success()) {
      return;
    }
    if (failure.isEmpty() || failure.get() instanceof InvalidRequestException) {
      assertThat(storeWrites).as("store writes of a refused input; %s", this).isZero();
      assertThat(kernelCalls).as("kernel calls of a refused input; %s", this).isEmpty();
    } else {
      assertThat(heldKeys).as("what a refused request holds in the store; %s", this).isEmpty();
      assertThat(heldInterfaces).as("what a refused request holds in the kernel; %s", this).isEmpty();
    }
  }

  @Override
  public String toString() {
    return "printed " + printed + (abandoned ? " (abandoned)" : "") + ", " + storeWrites
        + " store writes, kernel calls " + kernelCalls + ", holding " + heldKeys + " " + heldInterfaces + ", failure "
        + failure.map(Throwable::toString).orElse("none") + ", log:\n" + log;
  }
}
