package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.policy.EndpointEnforcement;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.policy.NftFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code enforces} reads the kernel's table, not what the instance committed (root needed). The table holds only
 * the set the adapter reads, with no chains: it filters nobody's traffic while other suites run on this host.
 */
class NftablesEnforcesIT {
  private static final InterfaceName NAMED = new InterfaceName("cali0123456789a");
  private static final InterfaceName OTHER = new InterfaceName("calibcdef012345");

  private final String table = "chk_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final NftProcess nft = new NftProcess("nft", Duration.ofSeconds(30));

  @AfterEach
  void removeTable() {
    NftFacts.deleteTable(table);
  }

  @Test
  void noTableIsNoPolicyANamedEndpointIsPresentAnotherAbsent() {
    NftablesPolicyDataplane reader = new NftablesPolicyDataplane(table, nft, Duration.ZERO);
    assertThat(reader.enforces(NAMED)).isEqualTo(EndpointEnforcement.NO_POLICY);

    endpointSet();
    assertThat(reader.enforces(NAMED)).isEqualTo(EndpointEnforcement.ABSENT);

    addElement(NAMED);
    assertThat(reader.enforces(NAMED)).isEqualTo(EndpointEnforcement.PRESENT);
    assertThat(reader.enforces(OTHER)).isEqualTo(EndpointEnforcement.ABSENT);
  }

  @Test
  void anEndpointAppliedWhileItSettlesIsPresent() {
    endpointSet();
    NftablesPolicyDataplane reader = new NftablesPolicyDataplane(table, nft, Duration.ofMillis(500));
    CompletableFuture<Void> agent = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      addElement(NAMED);
    });

    assertThat(reader.enforces(NAMED)).isEqualTo(EndpointEnforcement.PRESENT);
    agent.join();
  }

  private void endpointSet() {
    nft.apply("table inet " + table + " {\n  set " + NftNames.ENDPOINT_INTERFACES + " {\n    type ifname\n  }\n}\n",
        "create table inet " + table);
  }

  private void addElement(InterfaceName name) {
    KernelCommand.run("nft", "add", "element", "inet", table, NftNames.ENDPOINT_INTERFACES, "{ \"" + name + "\" }");
  }
}
