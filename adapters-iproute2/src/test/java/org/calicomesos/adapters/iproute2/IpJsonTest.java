package org.calicomesos.adapters.iproute2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calicomesos.ports.dataplane.DataplaneException;
import org.junit.jupiter.api.Test;

/** Output of {@code ip -j} that is not what we expect fails in one "cannot …" sentence, like every adapter error. */
class IpJsonTest {
  @Test
  void anAddressThatDoesNotParseIsQuoted() {
    assertThatThrownBy(() -> IpJson.address("10.0.0.300"))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot read the address '10.0.0.300' that ip printed");
  }

  @Test
  void outputThatIsNotJsonIsRefusedWithTheParsersReason() {
    assertThatThrownBy(() -> IpJson.arrays("[{\"dst\": "))
        .isInstanceOf(DataplaneException.class)
        .hasMessageStartingWith("cannot read ip's output: it is not the JSON we expect: ");
  }
}
