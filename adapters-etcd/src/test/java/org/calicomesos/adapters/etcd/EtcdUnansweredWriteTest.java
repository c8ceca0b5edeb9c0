package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A write whose answer is lost is read back, never sent again: when it landed it is reported as landed,
 * and when etcd is gone the caller hears that the outcome is unknown, within the deadline.
 */
class EtcdUnansweredWriteTest {
  private static EtcdServer etcd;

  @BeforeAll
  static void startEtcd() {
    etcd = EtcdServer.start();
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  @Test
  void aCreateThatLandedButWasNotAnsweredIsReportedWritten() {
    AnswerLostAfterCommit lost = new AnswerLostAfterCommit();
    try (EtcdKeyValueStore store = open(lost)) {
      lost.loseNext(1);

      WriteOutcome outcome = store.create("/unanswered/create", "{\"mine\":true}");

      assertThat(outcome).isInstanceOf(WriteOutcome.Written.class);
      assertThat(store.get("/unanswered/create").orElseThrow().value()).isEqualTo("{\"mine\":true}");
    }
  }

  @Test
  void anUpdateAndADeleteThatLandedButWereNotAnsweredAreReportedLanded() {
    AnswerLostAfterCommit lost = new AnswerLostAfterCommit();
    try (EtcdKeyValueStore store = open(lost)) {
      Entry first = KeyValueStoreContract.written(store.create("/unanswered/update", "1"));
      lost.loseNext(1);

      Entry second = KeyValueStoreContract.written(store.update("/unanswered/update", "2", first.revision()));
      assertThat(second.revision()).isGreaterThan(first.revision());
      assertThat(store.get("/unanswered/update")).contains(second);

      lost.loseNext(1);
      assertThat(store.delete("/unanswered/update", second.revision())).isInstanceOf(WriteOutcome.Deleted.class);
      assertThat(store.get("/unanswered/update")).isEmpty();
    }
  }

  @Test
  void anUpdateThatWasLostBeforeItLandedIsReportedUnavailableNotRetried() {
    try (EtcdKeyValueStore store = open(new AnswerLostAfterCommit())) {
      Entry first = KeyValueStoreContract.written(store.create("/unanswered/conflict", "1"));
      // Another writer moves the key on: our update's compare fails, its answer is lost, and the read-back
      // finds someone else's value, so the outcome cannot be claimed.
      AnswerLostAfterCommit lost = new AnswerLostAfterCommit();
      try (EtcdKeyValueStore lossy = open(lost)) {
        KeyValueStoreContract.written(store.update("/unanswered/conflict", "theirs", first.revision()));
        lost.loseNext(1);

        assertThatThrownBy(() -> lossy.update("/unanswered/conflict", "mine", first.revision()))
            .isInstanceOf(DatastoreUnavailableException.class)
            .hasMessageStartingWith("cannot reach " + store.describe() + ": cannot update \"/unanswered/conflict\"");
      }
      assertThat(store.get("/unanswered/conflict").orElseThrow().value()).isEqualTo("theirs");
    }
  }

  private static EtcdKeyValueStore open(AnswerLostAfterCommit lost) {
    return EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd.clientUrl()), Duration.ofSeconds(5), List.of(lost));
  }
}
