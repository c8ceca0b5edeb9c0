package org.calicomesos.adapters.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.adapters.bird.Configurations.ip;
import static org.calicomesos.adapters.bird.Configurations.mesh;

import java.time.Instant;
import java.util.Optional;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;
import org.junit.jupiter.api.Test;

/** birdc's report, as BIRD 2.0.12 printed it for the configuration we render (abridged where it repeats). */
class ProtocolsReportTest {
  private static final String REPORT = """
      BIRD 2.0.12 ready.
      Name       Proto      Table      State  Since         Info
      device1    Device     ---        up     2026-11-25T04:27:25+0000 \s

      kernel4    Kernel     master4    up     2026-11-25T04:27:25+0000 \s
        Channel ipv4
          State:          UP
          Table:          master4

      Mesh_203_0_113_12 BGP        ---        up     2026-11-25T04:27:29+0000  Established  \s
        Description:    h2
        BGP state:          Established
          Neighbor address: 203.0.113.12
          Neighbor AS:      64511
          Local AS:         64511
          Neighbor ID:      203.0.113.12
          Hold timer:       224.020/240
        Channel ipv4
          State:          UP
          Routes:         1 imported, 1 exported, 1 preferred

      Global_fe80__1 BGP        ---        start  2026-11-25T04:30:00+0100  Active        Socket: Connection refused
        BGP state:          Active
          Neighbor address: fe80::1%eth0
          Neighbor AS:      65000
          Local AS:         64511
          Connect delay:    2.881/5
          Last error:       Socket: Connection refused

      someone_else BGP        ---        up     2026-11-25T04:27:29+0000  Established  \s
        BGP state:          Established
          Neighbor address: 203.0.113.99
          Neighbor AS:      1

      """;

  @Test
  void reads_our_sessions_with_their_peers_state_since_and_last_error() {
    assertThat(ProtocolsReport.parse(REPORT)).containsExactly(
        new BgpPeerState(mesh("h2", "203.0.113.12"), "Established",
            Optional.of(Instant.parse("2026-11-25T04:27:29Z")), ""),
        new BgpPeerState(BgpPeer.explicit(ip("fe80::1"), new AsNumber(65000)), "Active",
            Optional.of(Instant.parse("2026-11-25T03:30:00Z")), "Socket: Connection refused"));
  }

  @Test
  void an_unknown_time_format_leaves_since_empty() {
    String report = REPORT.replace("2026-11-25T04:27:29+0000  Established", "04:27:29.123  Established");

    assertThat(ProtocolsReport.parse(report).get(0).since()).isEmpty();
  }

  @Test
  void a_session_whose_neighbour_cannot_be_read_is_an_error_naming_it() {
    String report = REPORT.replace("Neighbor AS:      64511", "Neighbor AS:      many");

    assertThatThrownBy(() -> ProtocolsReport.parse(report)).isInstanceOf(BgpSpeakerException.class)
        .hasMessage("cannot read birdc's report of protocol Mesh_203_0_113_12: 'Neighbor AS' shows many");
  }
}
