package org.calicomesos.app.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.calicomesos.adapters.consul.ConsulKeyValueStore;
import org.calicomesos.adapters.consul.ConsulSettings;
import org.calicomesos.adapters.etcd.EtcdKeyValueStore;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.sqlite.SqliteKeyValueStore;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.testkit.server.ConsulServer;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The point of the hexagon: one IPAM story, told word for word alike on every datastore. */
class SameIpamOnEveryStoreTest {
  @TempDir
  static Path dir;

  private static List<String> reference;
  private static EtcdServer etcd;
  private static ConsulServer consul;

  static Stream<StoreUnderTest> stores() {
    return Stream.of(
        new StoreUnderTest("sqlite", () -> SqliteKeyValueStore.open(dir.resolve("scenario.db"))),
        new StoreUnderTest("etcd", () -> EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd().clientUrl()),
            Duration.ofSeconds(10))),
        new StoreUnderTest("consul", () -> ConsulKeyValueStore.open(ConsulSettings.of(consul().address(),
            Duration.ofSeconds(10)))));
  }

  private static synchronized EtcdServer etcd() {
    if (etcd == null) {
      etcd = EtcdServer.start();
    }
    return etcd;
  }

  private static synchronized ConsulServer consul() {
    if (consul == null) {
      consul = ConsulServer.start();
    }
    return consul;
  }

  @AfterAll
  static void stopServers() {
    if (etcd != null) {
      etcd.close();
    }
    if (consul != null) {
      consul.close();
    }
  }

  @Test
  void the_story_on_the_memory_store_is_a_sensible_reference() {
    List<String> transcript = memoryTranscript();

    assertThat(transcript).anySatisfy(line -> assertThat(line).startsWith("host-g borrows: AllocatedAddresses[ipv4=[10.70."));
    assertThat(transcript).anySatisfy(line -> assertThat(line).startsWith("host-g asks too much: PoolExhaustedException"));
    assertThat(transcript).anySatisfy(line -> assertThat(line)
        .isEqualTo("host-a reserves a taken address: AddressInUseException: IP 10.70.0.1 is already assigned"));
    assertThat(transcript.get(transcript.size() - 1)).contains("problems=[]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void every_store_tells_the_same_story(StoreUnderTest store) {
    List<String> transcript;
    try (KeyValueStore opened = store.open().get()) {
      transcript = IpamScenario.play(opened, "/scenario-" + System.nanoTime());
    }

    assertThat(transcript).containsExactlyElementsOf(memoryTranscript());
  }

  private static synchronized List<String> memoryTranscript() {
    if (reference == null) {
      try (MemoryKeyValueStore memory = new MemoryKeyValueStore()) {
        reference = IpamScenario.play(memory, "/scenario");
      }
    }
    return reference;
  }

  /** A datastore under test, by name. */
  record StoreUnderTest(String name, Supplier<KeyValueStore> open) {
    @Override
    public String toString() {
      return name;
    }
  }
}
