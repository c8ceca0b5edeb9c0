package org.calicomesos.app.admin.diags;

import static org.assertj.core.api.Assertions.assertThat;

import org.calicomesos.ports.diagnostics.HostReadout;
import org.calicomesos.ports.diagnostics.ReadoutResult;
import org.calicomesos.ports.diagnostics.ReadoutResult.Status;
import org.junit.jupiter.api.Test;

/** Which endings of a readout the bundle counts as collected, and how each reads in its file. */
class HostReadoutItemTest {

  @Test
  void aReadoutIsTheCommandAndItsOutput() {
    ItemText text = item(new ReadoutResult("ip rule", Status.READ, "0:\tfrom all lookup local", "", ""), false);

    assertThat(text.failure()).isEmpty();
    assertThat(text.text()).isEqualTo("$ ip rule\n0:\tfrom all lookup local\n");
  }

  @Test
  void anAbsentTableIsCollectedAsAbsent() {
    ItemText text = item(new ReadoutResult("nft list table inet calico_mesos", Status.ABSENT, "",
        "Error: No such file or directory", "Error: No such file or directory"), false);

    assertThat(text.failure()).isEmpty();
    assertThat(text.text()).isEqualTo("$ nft list table inet calico_mesos\n--- stderr ---\nError: No such file or directory\n"
        + "--- absent: Error: No such file or directory ---\n");
  }

  @Test
  void aMissingToolFailsTheItemUnlessItIsOptional() {
    ReadoutResult missing = new ReadoutResult("journalctl -n 1", Status.UNAVAILABLE, "", "", "cannot start journalctl");

    assertThat(item(missing, true).failure()).isEmpty();
    assertThat(item(missing, true).text()).isEqualTo("$ journalctl -n 1\n--- not run: cannot start journalctl ---\n");
    assertThat(item(missing, false).failure()).hasValue("cannot start journalctl");
  }

  @Test
  void aFailedReadoutKeepsWhatItPrinted() {
    ItemText text = item(new ReadoutResult("ip -d link", Status.FAILED, "1: lo:\n", "killed", "did not finish"), false);

    assertThat(text.failure()).hasValue("did not finish");
    assertThat(text.text()).isEqualTo("$ ip -d link\n1: lo:\n--- stderr ---\nkilled\n--- failed: did not finish ---\n");
  }

  private static ItemText item(ReadoutResult result, boolean optional) {
    return new HostReadoutItem("x", HostReadout.LINKS, () -> readout -> result, optional).collect();
  }
}
