package org.calicomesos.core.routing.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.junit.jupiter.api.Test;

/** The configuration each host hands its BGP speaker, from hosts, blocks and the cluster's settings. */
class BgpPlannerTest {
  private static final BgpHost H1 = host("h1", "203.0.113.11", "2001:db8::11");
  private static final BgpHost H2 = host("h2", "203.0.113.12", "2001:db8::12");
  private static final BgpHost H3 = host("h3", "203.0.113.13", null);
  private static final AsNumber DEFAULT_AS = new AsNumber(64511);

  @Test
  void the_default_is_a_full_mesh_per_family_in_as_64511_announcing_own_blocks() {
    BgpConfiguration plan = BgpPlanner.plan(H1, List.of(ip("2001:db8:1::/122"), ip("10.65.1.0/26")),
        List.of(H3, H1, H2), BgpSettings.DEFAULT);

    assertThat(plan.routerId().toCanonicalString()).isEqualTo("203.0.113.11");
    assertThat(plan.localAs()).isEqualTo(DEFAULT_AS);
    assertThat(plan.announcedBlocks()).containsExactly(ip("10.65.1.0/26"), ip("2001:db8:1::/122"));
    assertThat(plan.peers()).containsExactly(
        BgpPeer.mesh(new NodeName("h2"), ip("203.0.113.12"), DEFAULT_AS),
        BgpPeer.mesh(new NodeName("h3"), ip("203.0.113.13"), DEFAULT_AS),
        BgpPeer.mesh(new NodeName("h2"), ip("2001:db8::12"), DEFAULT_AS));
  }

  @Test
  void a_host_without_an_address_of_a_family_has_no_sessions_of_it() {
    BgpConfiguration plan = BgpPlanner.plan(H3, List.of(), List.of(H1, H2), BgpSettings.DEFAULT);

    assertThat(plan.peers()).extracting(BgpPeer::address).containsExactly(ip("203.0.113.11"), ip("203.0.113.12"));
  }

  @Test
  void the_order_hosts_are_listed_in_does_not_change_the_plan() {
    List<IPAddress> blocks = List.of(ip("10.65.2.0/26"), ip("10.65.1.0/26"));

    assertThat(BgpPlanner.plan(H1, blocks, List.of(H2, H3), BgpSettings.DEFAULT))
        .isEqualTo(BgpPlanner.plan(H1, List.of(blocks.get(1), blocks.get(0)), List.of(H3, H2), BgpSettings.DEFAULT));
  }

  @Test
  void without_the_mesh_only_explicit_peers_remain_and_the_cluster_as_is_used() {
    BgpPeer tor = BgpPeer.explicit(ip("203.0.113.1"), new AsNumber(65000));
    BgpSettings settings = new BgpSettings(new AsNumber(4_200_000_000L), false, List.of(tor));

    BgpConfiguration plan = BgpPlanner.plan(H1, List.of(), List.of(H2, H3), settings);

    assertThat(plan.localAs()).isEqualTo(new AsNumber(4_200_000_000L));
    assertThat(plan.peers()).containsExactly(tor);
  }

  @Test
  void an_explicit_peer_at_a_mesh_hosts_address_replaces_the_mesh_session_and_none_is_made_to_self() {
    BgpPeer h2AsRouter = BgpPeer.explicit(ip("203.0.113.12"), new AsNumber(65002));
    BgpPeer self = BgpPeer.explicit(ip("203.0.113.11"), new AsNumber(65001));
    BgpSettings settings = new BgpSettings(DEFAULT_AS, true, List.of(h2AsRouter, self));

    BgpConfiguration plan = BgpPlanner.plan(H1, List.of(), List.of(H2), settings);

    assertThat(plan.peers()).containsExactly(h2AsRouter, BgpPeer.mesh(new NodeName("h2"), ip("2001:db8::12"), DEFAULT_AS));
  }

  @Test
  void a_host_without_ipv4_gets_a_stable_router_id_hashed_from_its_name() {
    BgpHost v6Only = host("v6only", null, "2001:db8::99");

    String routerId = BgpPlanner.plan(v6Only, List.of(), List.of(H1), BgpSettings.DEFAULT).routerId().toCanonicalString();

    assertThat(routerId).isEqualTo(BgpPlanner.routerId(host("v6only", null, "2001:db8::1")).toCanonicalString())
        .isNotEqualTo(BgpPlanner.routerId(host("v6other", null, "2001:db8::99")).toCanonicalString());
  }

  private static BgpHost host(String node, String ipv4, String ipv6) {
    return new BgpHost(new NodeName(node), Optional.ofNullable(ipv4).map(BgpPlannerTest::ip),
        Optional.ofNullable(ipv6).map(BgpPlannerTest::ip));
  }

  private static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }
}
