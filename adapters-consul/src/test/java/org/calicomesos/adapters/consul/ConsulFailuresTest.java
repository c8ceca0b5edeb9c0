package org.calicomesos.adapters.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.calicomesos.testkit.server.ConsulServer;
import org.calicomesos.testkit.server.FreePorts;
import org.junit.jupiter.api.Test;

/** Outages, ACL refusals and leftovers: what an operator sees, and what stays behind. */
class ConsulFailuresTest {

  @Test
  void anUnreachableConsulIsReportedUnavailableWithinTheDeadline() {
    int closedPort = FreePorts.take(1)[0];
    ConsulSettings settings = ConsulSettings.of("127.0.0.1:" + closedPort, Duration.ofSeconds(2));
    long started = System.nanoTime();

    try (ConsulKeyValueStore store = ConsulKeyValueStore.open(settings)) {
      assertThatThrownBy(() -> store.create("/calico/k", "1"))
          .isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach Consul at http://127.0.0.1:" + closedPort + ": ");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void listAllOfAnUnreachableConsulFailsWithTheSameSentenceAsOneList() {
    // The lists run side by side; the failure the caller sees is the one a single list gives.
    int closedPort = FreePorts.take(1)[0];
    ConsulSettings settings = ConsulSettings.of("127.0.0.1:" + closedPort, Duration.ofSeconds(2));

    try (ConsulKeyValueStore store = ConsulKeyValueStore.open(settings)) {
      assertThatThrownBy(() -> store.listAll(List.of("/calico/a/", "/calico/b/", "/calico/c/")))
          .isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach Consul at http://127.0.0.1:" + closedPort + ": ");
    }
  }

  @Test
  void aHungConsulIsReportedUnavailableAtTheDeadline() {
    try (ConsulServer consul = ConsulServer.start();
        ConsulKeyValueStore store = ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofMillis(700)))) {
      store.create("/calico/k", "1");
      consul.process().pause(true);
      long started = System.nanoTime();
      try {
        assertThatThrownBy(() -> store.get("/calico/k"))
            .isInstanceOf(DatastoreUnavailableException.class)
            .hasMessage("cannot reach Consul at http://" + consul.address() + ": no answer within 700 ms");
      } finally {
        consul.process().pause(false);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void withAclsANoTokenIsRefusedClearlyAndAKeyWriteTokenWorksWithoutEverShowingIt() {
    try (ConsulServer consul = ConsulServer.withAcls()) {
      String token = consul.createKeyWriteToken("calico/");
      ConsulSettings anonymous = ConsulSettings.of(consul.address(), Duration.ofSeconds(5));
      try (ConsulKeyValueStore store = ConsulKeyValueStore.open(anonymous)) {
        assertThatThrownBy(() -> store.create("/calico/k", "1"))
            .isInstanceOf(DatastoreException.class)
            .isNotInstanceOf(DatastoreUnavailableException.class)
            .hasMessageContaining("lacks permission");
        // A recursive list is not refused but filtered (Consul drops what the token may not read); a get is.
        assertThatThrownBy(() -> store.get("/calico/k")).hasMessageContaining("lacks permission");
      }
      try (ConsulKeyValueStore store = ConsulKeyValueStore.open(anonymous.withToken(token))) {
        assertThat(store.create("/calico/k", "1").landed()).isTrue();
        assertThat(store.list("/calico/").entries()).hasSize(1);
        // Outside the token's prefix: refused, and the message names no token.
        assertThatThrownBy(() -> store.create("/elsewhere/k", "1"))
            .hasMessageContaining("the token in CONSUL_HTTP_TOKEN lacks permission")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(store.toString()).doesNotContain(token);
        assertThat(store.describe()).doesNotContain(token);
      }
    }
  }

  @Test
  void deleteOfAKeyChangedSinceIsAConflictNotADelete() {
    try (ConsulServer consul = ConsulServer.start();
        ConsulKeyValueStore store = ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofSeconds(5)))) {
      WriteOutcome.Written first = (WriteOutcome.Written) store.create("/calico/k", "1");
      WriteOutcome.Written second = (WriteOutcome.Written) store.update("/calico/k", "2", first.entry().revision());

      assertThat(store.delete("/calico/k", first.entry().revision())).isEqualTo(new WriteOutcome.Conflict(second.entry()));
    }
  }

  @Test
  void closeLeavesNoThreadThatKeepsTheJvmAlive() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (ConsulServer consul = ConsulServer.start()) {
      ConsulKeyValueStore store = ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofSeconds(5)));
      store.create("/calico/k", "1");
      store.watch("/calico/", store.list("/calico/").revision(), new RecordingWatchListener());
      store.listAll(List.of("/calico/", "/calico/k", "/other/")); // starts listAll's threads
      store.close();
    }
    Set<String> nonDaemon = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
        .map(Thread::getName).collect(Collectors.toSet());
    assertThat(nonDaemon).isEmpty();
  }

  @Test
  void settingsComeFromConsulsOwnVariables() {
    ConsulSettings settings = ConsulSettings.fromEnvironment(
        Map.of("CONSUL_HTTP_ADDR", "https://consul.example:8501", "CONSUL_HTTP_TOKEN", "s3cr3t"), Duration.ofSeconds(1));

    assertThat(settings.describe()).isEqualTo("Consul at https://consul.example:8501");
    assertThat(settings.toString()).doesNotContain("s3cr3t");
    assertThat(ConsulSettings.of("10.0.0.1", Duration.ofSeconds(1)).describe()).isEqualTo("Consul at http://10.0.0.1:8500");
    assertThat(ConsulSettings.fromEnvironment(Map.of(), Duration.ofSeconds(1)).describe())
        .isEqualTo("Consul at http://127.0.0.1:8500");
    assertThatThrownBy(() -> ConsulSettings.of("http://user:pw@h:1", Duration.ofSeconds(1)))
        .isInstanceOf(DatastoreException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
  }
}
