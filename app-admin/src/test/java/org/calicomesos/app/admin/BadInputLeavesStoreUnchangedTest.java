package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rejected value changes nothing: the run stops before the services (and so the store) are reached. */
class BadInputLeavesStoreUnchangedTest {
  private final CoreOverMemory ipam = new CoreOverMemory();

  @Test
  void a_cidr_with_host_bits_is_a_usage_error_and_writes_nothing() {
    AdminRun run = AdminRun.of(ipam::services, "pool", "add", "10.0.0.1/16");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: CIDR '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?\n");
    assertThat(run.servicesBuilt()).isZero();
    assertThat(ipam.store.list("/").entries()).isEmpty();
  }

  @Test
  void a_block_size_that_does_not_fit_is_a_usage_error_and_writes_nothing() {
    AdminRun run = AdminRun.of(ipam::services, "pool", "add", "10.0.0.0/24", "--block-size", "16");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: block size /16 does not fit pool 10.0.0.0/24: it must be between /24 and /30\n");
    assertThat(ipam.store.list("/").entries()).isEmpty();
  }
}
