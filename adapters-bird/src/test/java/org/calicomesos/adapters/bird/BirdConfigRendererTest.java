package org.calicomesos.adapters.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.adapters.bird.Configurations.ip;
import static org.calicomesos.adapters.bird.Configurations.mesh;

import java.util.List;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.junit.jupiter.api.Test;

/** The text BIRD is given; that BIRD accepts it is BirdBgpSpeakerIT's business. */
class BirdConfigRendererTest {
  private final BirdConfigRenderer renderer = new BirdConfigRenderer();

  @Test
  void an_ipv4_host_announces_its_blocks_as_static_routes_and_peers_by_address() {
    String text = renderer.render(Configurations.of("203.0.113.11", List.of("10.65.1.0/26", "10.65.3.0/26"),
        List.of(mesh("h2", "203.0.113.12"), BgpPeer.explicit(ip("203.0.113.1"), new AsNumber(65000)))));

    assertThat(text).contains("router id 203.0.113.11;\n")
        .contains("protocol static blocks4 {\n  ipv4;\n  route 10.65.1.0/26 blackhole;\n  route 10.65.3.0/26 blackhole;\n}")
        .contains("protocol bgp Mesh_203_0_113_12 {\n  description \"h2\";\n  local as 64511;\n"
            + "  neighbor 203.0.113.12 as 64511;\n")
        .contains("protocol bgp Global_203_0_113_1 {\n  local as 64511;\n  neighbor 203.0.113.1 as 65000;\n")
        .doesNotContain("protocol direct {", "kernel6", "blocks6", "ipv6");
  }

  @Test
  void the_kernel_gets_only_bgp_routes_and_peers_get_only_the_blocks() {
    String text = renderer.render(Configurations.of("203.0.113.11", List.of(), List.of(mesh("h2", "203.0.113.12"))));

    assertThat(text).contains("protocol kernel kernel4 {\n  scan time 10;\n  learn off;\n  ipv4 {\n"
            + "    import none;\n    export where source = RTS_BGP;\n  };\n}")
        .contains("  ipv4 {\n    import all;\n    export where source = RTS_STATIC;\n  };");
  }

  @Test
  void ipv6_blocks_and_peers_get_their_own_kernel_static_and_channel() {
    String text = renderer.render(Configurations.of("203.0.113.11", List.of("2001:db8:1::/122"),
        List.of(mesh("h2", "2001:db8::12"))));

    assertThat(text).contains("protocol kernel kernel6 {")
        .contains("protocol static blocks6 {\n  ipv6;\n  route 2001:db8:1::/122 blackhole;\n}")
        .contains("protocol bgp Mesh_2001_db8__12 {\n  description \"h2\";\n  local as 64511;\n"
            + "  neighbor 2001:db8::12 as 64511;\n")
        .contains("  ipv6 {\n    import all;");
  }

  @Test
  void the_same_configuration_renders_the_same_text() {
    var configuration = Configurations.of("203.0.113.11", List.of("10.65.1.0/26"), List.of(mesh("h2", "203.0.113.12")));

    assertThat(renderer.render(configuration)).isEqualTo(new BirdConfigRenderer().render(configuration));
  }
}
