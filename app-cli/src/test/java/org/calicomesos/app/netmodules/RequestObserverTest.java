package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.wiring.SpokenProtocols;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.app.pipeline.RequestObserver;
import org.calicomesos.app.pipeline.IpamRetriesOfRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calicomesos.app.wiring.MemoryAppComponent;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seam every request passes, whoever serves it: {@link RequestLog#finish} tells the process's observer, once. */
class RequestObserverTest {
  @TempDir
  Path dir;

  private final Recorder recorder = new Recorder();

  @AfterEach
  void uninstall() {
    RequestLog.observeWith(null);
  }

  @Test
  void each_request_is_told_once_with_its_validated_command_outcome_and_failure() {
    RequestLog.observeWith(recorder);
    MemoryAppComponent app = MemoryAppComponent.create(dir.resolve("isolator.log"), Map.of());

    answer(app, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u1\",\"num_ipv4\":1}}");
    answer(app, "{\"command\":\"teleport\",\"args\":{}}");
    answer(app, "{\"command\":\"release\",\"args\":{}}");

    assertThat(recorder.finished).extracting(Finished::command, Finished::success)
        .containsExactly(tuple("allocate", true), tuple(RequestObserver.INVALID_COMMAND, false), tuple("release", false));
    assertThat(recorder.finished.get(0).failure()).isEmpty();
    assertThat(recorder.finished.get(2).failure().orElseThrow()).isInstanceOf(InvalidRequestException.class)
        .hasMessage("release needs either uid or ips");
    assertThat(recorder.finished).allSatisfy(finished -> assertThat(finished.durationNanos()).isPositive());
  }

  @Test
  void finishing_twice_tells_once_and_a_failing_observer_changes_nothing() {
    RequestLog.observeWith(new RequestObserver() {
      @Override
      public void requestFinished(String command, boolean success, long durationNanos, Optional<Throwable> failure) {
        recorder.requestFinished(command, success, durationNanos, failure);
        throw new IllegalStateException("observer bug");
      }

      @Override
      public void lostCompare() {}
    });
    RequestLog log = RequestLog.start();
    log.command("cleanup");
    log.failure(new DatastoreUnavailableException("etcd at http://10.0.0.1:2379", "timed out", null));

    log.finish("cannot reach etcd at http://10.0.0.1:2379: timed out");
    log.finish("the deadline's answer, too late");

    assertThat(recorder.finished).singleElement().satisfies(finished -> {
      assertThat(finished.command()).isEqualTo("cleanup");
      assertThat(finished.failure()).get().isInstanceOf(DatastoreUnavailableException.class);
    });
  }

  @Test
  void without_an_observer_nothing_is_told_and_ipam_retries_go_nowhere() {
    RequestLog.start().finish(null);
    new IpamRetriesOfRequests().lostCompare();

    RequestLog.observeWith(recorder);
    new IpamRetriesOfRequests().lostCompare();
    RequestLog.observeWith(null);
    new IpamRetriesOfRequests().lostCompare();

    assertThat(recorder.finished).isEmpty();
    assertThat(recorder.retries).isEqualTo(1);
  }

  private static void answer(MemoryAppComponent app, String request) {
    RequestLog log = RequestLog.start();
    PluginResponse response = app.endpoint().handle(PluginRequest.of(SpokenProtocols.NET_MODULES, Map.of(), request.getBytes(StandardCharsets.UTF_8)),
        log, RequestGate.OPEN);
    log.finish(response.error());
  }

  record Finished(String command, boolean success, long durationNanos, Optional<Throwable> failure) {}

  private static final class Recorder implements RequestObserver {
    final List<Finished> finished = new CopyOnWriteArrayList<>();
    volatile int retries;

    @Override
    public void requestFinished(String command, boolean success, long durationNanos, Optional<Throwable> failure) {
      finished.add(new Finished(command, success, durationNanos, failure));
    }

    @Override
    public synchronized void lostCompare() {
      retries++;
    }
  }
}
