package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four launcher processes at a time, each as a different agent host (CALICO_NODENAME), allocate 400 addresses
 * (CI's size; 4000 with {@code -Dstorm.requests=100}) between them on one SQLite store — starting from an empty store, so they also race to create
 * the default pools. Then the store must check clean, release by uid must free every address, and it
 * must check clean again.
 */
class LauncherConcurrencyIT {
  private static final int HOSTS = 4;
  /** Allocations per host, of ten addresses each: 10 in CI, 100 with the full storms' {@code -Dstorm.requests=100}. */
  private static final int REQUESTS = Integer.getInteger("storm.requests", 10);

  @TempDir
  Path dir;

  @Test
  void four_hosts_at_once_never_get_the_same_address_and_release_by_uid_frees_them_all() throws Exception {
    LauncherStorm storm = new LauncherStorm(dir, host -> Map.of(
        "CALICO_SQLITE_PATH", dir.resolve("store.db").toString(),
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_NODENAME", "agent" + host));

    LauncherStorm.Allocations allocations = storm.allocate(HOSTS, REQUESTS, 10);

    assertThat(allocations.addresses()).hasSize(HOSTS * REQUESTS * 10);
    assertThat(new HashSet<>(allocations.addresses())).hasSameSizeAs(allocations.addresses());
    JsonNode check = storm.ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(HOSTS * REQUESTS * 10);

    storm.releaseAll(HOSTS, allocations.uids());

    JsonNode after = storm.ipamCheck();
    assertThat(after.get("problems")).isEmpty();
    assertThat(after.get("allocated").asLong()).isZero();
    assertThat(after.get("handles").asLong()).isZero();
  }
}
