package org.calicomesos.adapters.consul;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.kiwiproject.consul.KeyValueClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * consul-client's KV API over an HTTP client this adapter owns. consul-client's own builder offers no way
 * to turn off OkHttp's silent retry on connection failure (it builds the client inside), and a silently
 * repeated write is exactly what must not happen, so the adapter builds the client and hands it to the
 * library's Retrofit interface. Two views share one connection pool: short calls bounded by the request
 * deadline, and blocking watch queries bounded by their wait.
 */
final class ConsulHttp implements AutoCloseable {
  /** How long one blocking query may wait for a change before Consul answers anyway. */
  static final Duration WATCH_WAIT = Duration.ofSeconds(30);

  private final OkHttpClient requestClient;
  private final ExecutorService dispatcherThreads;
  private final KeyValueClient.Api requests;
  private final KeyValueClient.Api watches;

  private ConsulHttp(ConsulSettings settings, ConsulTls tls) {
    dispatcherThreads = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, "consul-http");
      thread.setDaemon(true); // never keeps a per-request JVM alive
      return thread;
    });
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false) // a write repeated behind our back could land twice
        .followRedirects(false)
        .dispatcher(new Dispatcher(dispatcherThreads))
        .connectionPool(new ConnectionPool(4, 30, TimeUnit.SECONDS))
        .connectTimeout(settings.requestTimeout())
        .readTimeout(settings.requestTimeout())
        .writeTimeout(settings.requestTimeout())
        .callTimeout(settings.requestTimeout());
    settings.token().ifPresent(token -> builder.addInterceptor(chain ->
        // The header, never ?token=: query strings end up in access logs.
        chain.proceed(chain.request().newBuilder().header("X-Consul-Token", token).build())));
    if ("http".equals(settings.address().getScheme())) {
      // Plain HTTP only: OkHttp then skips loading the JDK's trust store, which every request would pay for.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    tls.applyTo(builder);
    requestClient = builder.build();
    Duration watchLimit = WATCH_WAIT.plus(WATCH_WAIT.dividedBy(16)).plus(settings.requestTimeout());
    OkHttpClient watchClient = requestClient.newBuilder().readTimeout(watchLimit).callTimeout(watchLimit).build();
    String base = settings.address() + "/v1/";
    requests = api(base, requestClient);
    watches = api(base, watchClient);
  }

  static ConsulHttp open(ConsulSettings settings) {
    return new ConsulHttp(settings, ConsulTls.from(settings));
  }

  /** Calls that must finish within the request deadline. */
  KeyValueClient.Api requests() {
    return requests;
  }

  /** Blocking queries, which may take up to {@link #WATCH_WAIT}. */
  KeyValueClient.Api watches() {
    return watches;
  }

  @Override
  public void close() {
    requestClient.dispatcher().cancelAll();
    dispatcherThreads.shutdownNow();
    requestClient.connectionPool().evictAll();
  }

  private static KeyValueClient.Api api(String base, OkHttpClient client) {
    return new Retrofit.Builder().baseUrl(base).client(client)
        .addConverterFactory(JacksonConverterFactory.create(ConsulJson.MAPPER))
        .build().create(KeyValueClient.Api.class);
  }
}
