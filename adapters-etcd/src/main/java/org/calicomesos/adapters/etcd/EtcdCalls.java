package org.calicomesos.adapters.etcd;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/**
 * Waits for one etcd call, never longer than its deadline, and turns its failure into the port's
 * exceptions: {@link DatastoreUnavailableException} when etcd did not answer, {@link DatastoreException}
 * when it refused. gRPC carries the same deadline (UnaryCallDeadline); this wait is the backstop.
 */
final class EtcdCalls {
  /** Slack over the gRPC deadline, so that gRPC's own (more precise) failure normally arrives first. */
  private static final long BACKSTOP_MILLIS = 250;

  private final String datastore;
  private final Duration call;
  private final Duration settle;

  EtcdCalls(String datastore, Duration call, Duration settle) {
    this.datastore = datastore;
    this.call = call;
    this.settle = settle;
  }

  <R, T> T read(String action, Supplier<CompletableFuture<R>> request, Function<R, T> result) {
    return await(action, request, result, call);
  }

  <R, T> T write(String action, Supplier<CompletableFuture<R>> request, Function<R, T> result) {
    return await(action, request, result, call);
  }

  /** A read-back after an unanswered write: shorter, because the request's deadline is near. */
  <R, T> T settle(String action, Supplier<CompletableFuture<R>> request, Function<R, T> result) {
    return await(action, request, result, settle);
  }

  private <R, T> T await(String action, Supplier<CompletableFuture<R>> request, Function<R, T> result,
      Duration deadline) {
    CompletableFuture<R> future;
    try {
      future = request.get();
    } catch (RuntimeException e) {
      throw failure(action, e);
    }
    try {
      return result.apply(future.get(deadline.toMillis() + BACKSTOP_MILLIS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DatastoreUnavailableException(datastore,
          "cannot " + action + ": no answer within " + seconds(deadline), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new DatastoreUnavailableException(datastore, "cannot " + action + ": interrupted", e);
    } catch (ExecutionException e) {
      throw failure(action, e.getCause() == null ? e : e.getCause());
    }
  }

  private DatastoreException failure(String action, Throwable failure) {
    String cause = EtcdFailures.cause(failure);
    if (EtcdFailures.unreachable(failure)) {
      if (cause.equals("no answer in time")) {
        cause = "no answer within " + seconds(call);
      }
      return new DatastoreUnavailableException(datastore, "cannot " + action + ": " + cause, failure);
    }
    return new DatastoreException("cannot " + action + ": " + datastore + " refused: " + cause, failure);
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toMillis() / 1000.0).replaceAll("\\.0$", "") + " s";
  }
}
