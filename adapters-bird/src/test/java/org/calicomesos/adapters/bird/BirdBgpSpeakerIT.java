package org.calicomesos.adapters.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.adapters.bird.Configurations.ip;
import static org.calicomesos.adapters.bird.Configurations.mesh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpConfigurationRejectedException;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpReload;
import org.calicomesos.ports.routing.bgp.BgpSpeakerNotRunningException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two hosts, each a network namespace with a real BIRD, joined by a veth (203.0.113.11 and .12, 2001:db8:9::11
 * and ::12), configured only through the adapter (root, bird2 needed). Each test leaves the mesh as it found it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BirdBgpSpeakerIT {
  private static final Duration ESTABLISH = Duration.ofSeconds(60);
  private static final Duration CONVERGE = Duration.ofSeconds(15);
  private static final String BLOCK1 = "10.65.1.0/26";
  private static final String BLOCK2 = "10.65.2.0/26";
  private static final String BLOCK2_V6 = "2001:db8:2::/122";

  private final String prefix = "bgp9-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private BirdHost host1;
  private BirdHost host2;

  @BeforeAll
  void twoHostsOnOneLinkEachWithItsBird() throws IOException {
    host1 = BirdHost.create(prefix + "-1");
    host2 = BirdHost.create(prefix + "-2");
    String link = "b9" + prefix.substring(5);
    host1.run("ip", "link", "add", link + "a", "type", "veth", "peer", "name", link + "b", "netns", host2.namespace);
    plug(host1, link + "a", "203.0.113.11/24", "2001:db8:9::11/64");
    plug(host2, link + "b", "203.0.113.12/24", "2001:db8:9::12/64");

    // Before BIRD runs, the file is written and that is reported, not thrown: systemd starts BIRD on it later.
    assertThat(host1.speaker.configure(host1Configuration())).isEqualTo(BgpReload.SPEAKER_NOT_RUNNING);
    assertThat(host2.speaker.configure(host2Configuration(List.of(BLOCK2, BLOCK2_V6))))
        .isEqualTo(BgpReload.SPEAKER_NOT_RUNNING);
    long start = System.nanoTime();
    host1.startBird();
    host2.startBird();
    await("both sessions of both hosts Established", ESTABLISH, () -> allEstablished(host1) && allEstablished(host2));
    long established = System.nanoTime();
    await("host 1 learns host 2's blocks", CONVERGE, () -> host1.birdRoutes().size() == 2);
    System.out.printf("BIRD start to Established: %d ms; then routes in the kernel: %d ms%n",
        (established - start) / 1_000_000, (System.nanoTime() - established) / 1_000_000);
  }

  @AfterAll
  void removeHosts() {
    Stream.of(host1, host2).filter(host -> host != null).forEach(BirdHost::close);
  }

  @Test
  @Order(1)
  void each_kernel_has_the_other_hosts_blocks_from_bird_via_its_address_and_no_bird_blackholes() {
    await("host 2 learns host 1's block", CONVERGE, () -> host2.birdRoutes().size() == 1);

    assertThat(host1.birdRoutes()).containsExactlyInAnyOrder(BLOCK2 + " via 203.0.113.12",
        BLOCK2_V6 + " via 2001:db8:9::12");
    assertThat(host2.birdRoutes()).containsExactly(BLOCK1 + " via 203.0.113.11");
    assertThat(host1.birdBlackholes()).isEmpty();
    assertThat(host2.birdBlackholes()).isEmpty();
    assertThat(host1.speaker.peers()).extracting(BgpPeerState::peer)
        .containsExactly(mesh("h2", "203.0.113.12"), mesh("h2", "2001:db8:9::12"));
  }

  @Test
  @Order(2)
  void a_block_dropped_from_the_configuration_is_withdrawn_without_resetting_the_session() {
    List<BgpPeerState> before = host1.speaker.peers();

    long reload = System.nanoTime();
    assertThat(host2.speaker.configure(host2Configuration(List.of(BLOCK2_V6)))).isEqualTo(BgpReload.RELOADED);
    await("host 1 withdraws " + BLOCK2, CONVERGE, () -> host1.birdRoutes().size() == 1);
    System.out.printf("withdrawn on host 1 %d ms after host 2's reload%n", (System.nanoTime() - reload) / 1_000_000);

    assertThat(host1.birdRoutes()).containsExactly(BLOCK2_V6 + " via 2001:db8:9::12");
    assertThat(host1.speaker.peers()).as("same sessions, same since").isEqualTo(before);
    assertThat(host2.speaker.configure(host2Configuration(List.of(BLOCK2, BLOCK2_V6)))).isEqualTo(BgpReload.RELOADED);
    await("host 1 relearns " + BLOCK2, CONVERGE, () -> host1.birdRoutes().size() == 2);
  }

  @Test
  @Order(3)
  void a_configuration_bird_refuses_leaves_the_old_one_on_file_and_in_force() throws IOException {
    String onFile = Files.readString(host1.settings.configFile());
    BgpConfiguration refused = new BgpConfiguration(ip("203.0.113.11").toIPv4(), Configurations.AS, List.of(),
        List.of(BgpPeer.explicit(ip("fe80::1"), new AsNumber(65000)))); // BIRD needs an interface for link-local

    assertThatThrownBy(() -> host1.speaker.configure(refused)).isInstanceOf(BgpConfigurationRejectedException.class)
        .hasMessageMatching("cannot configure BIRD from .*bird.conf: BIRD refused the new configuration, and the file is "
            + "left as it was: "
            + "line \\d+: Link-local addresses require defined interface");

    assertThat(Files.readString(host1.settings.configFile())).isEqualTo(onFile);
    try (Stream<Path> files = Files.list(host1.directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
    assertThat(allEstablished(host1)).isTrue();
    assertThat(host2.birdRoutes()).containsExactly(BLOCK1 + " via 203.0.113.11");
  }

  @Test
  @Order(4)
  void the_configuration_on_file_again_is_not_reloaded() {
    assertThat(host1.speaker.configure(host1Configuration())).isEqualTo(BgpReload.UNCHANGED);
  }

  @Test
  void without_a_running_bird_peers_says_so() throws IOException {
    try (BirdHost idle = BirdHost.create(prefix + "-idle")) {
      assertThatThrownBy(idle.speaker::peers).isInstanceOf(BgpSpeakerNotRunningException.class)
          .hasMessage("BIRD is not running: nothing answers on its control socket " + idle.settings.controlSocket());
    }
  }

  private static BgpConfiguration host1Configuration() {
    return Configurations.of("203.0.113.11", List.of(BLOCK1),
        List.of(mesh("h2", "203.0.113.12"), mesh("h2", "2001:db8:9::12")));
  }

  private static BgpConfiguration host2Configuration(List<String> blocks) {
    return Configurations.of("203.0.113.12", blocks, List.of(mesh("h1", "203.0.113.11"), mesh("h1", "2001:db8:9::11")));
  }

  private static void plug(BirdHost host, String link, String ipv4, String ipv6) {
    host.run("ip", "addr", "add", ipv4, "dev", link);
    // nodad: the address is usable at once, not after duplicate address detection's second or so.
    host.run("ip", "addr", "add", ipv6, "dev", link, "nodad");
    host.run("ip", "link", "set", link, "up");
  }

  private static boolean allEstablished(BirdHost host) {
    try {
      List<BgpPeerState> peers = host.speaker.peers();
      return peers.size() == 2 && peers.stream().allMatch(BgpPeerState::established);
    } catch (BgpSpeakerNotRunningException starting) {
      return false;
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }
}
