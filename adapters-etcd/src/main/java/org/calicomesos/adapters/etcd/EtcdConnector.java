package org.calicomesos.adapters.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.grpc.ClientInterceptor;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.model.Excerpt;

/** Builds the jetcd client for the settings: TLS only when asked for, never a retried write, bounded calls. */
final class EtcdConnector {
  /** etcd refuses requests over 1.5 MiB but may answer a prefix read with more; gRPC's default is 4 MiB. */
  private static final int MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

  /**
   * grpc-java logs through java.util.logging, at INFO even for routine facts ("Epoll available ..."), which
   * would land on every request's stderr. Held here so that the level is not lost to garbage collection.
   */
  private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

  private EtcdConnector() {}

  static Client connect(EtcdSettings settings, Duration callTimeout, List<ClientInterceptor> testInterceptors) {
    GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
    List<ClientInterceptor> interceptors = new ArrayList<>(testInterceptors);
    interceptors.add(new UnaryCallDeadline(callTimeout));
    ClientBuilder builder = Client.builder()
        .endpoints(settings.endpoints().toArray(new java.net.URI[0]))
        // No retries inside jetcd at all: a write's outcome after a failure is settled by re-reading it
        // (EtcdKeyValueStore), and a read's caller has a deadline to keep rather than a backoff to sit out.
        .retryMaxAttempts(0)
        // Fail at once when etcd refuses connections, instead of queueing the call until its deadline.
        .waitForReady(false)
        // jetcd's default, round_robin, reconnects a lost connection on its own with a growing back-off, and
        // a call made while it backs off fails at once: a long-lived client (the agent's) would go on failing
        // for seconds after etcd is back. pick_first connects when a call asks for it.
        .loadBalancerPolicy("pick_first")
        .connectTimeout(callTimeout)
        .keepaliveWithoutCalls(false)
        .maxInboundMessageSize(MAX_RESPONSE_BYTES)
        .interceptors(interceptors);
    if (settings.tls().isPresent()) {
      builder.sslContext(sslContext(settings.tls().get()));
    }
    if (settings.username().isPresent()) {
      builder.user(ByteSequence.from(settings.username().get(), StandardCharsets.UTF_8))
          .password(ByteSequence.from(settings.password().orElseThrow(), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private static SslContext sslContext(EtcdTlsFiles files) {
    SslContextBuilder tls = GrpcSslContexts.forClient();
    if (files.caCertificate().isPresent()) {
      Path ca = files.caCertificate().get();
      try {
        tls.trustManager(ca.toFile());
      } catch (RuntimeException e) {
        throw unusable("ETCD_CA_CERT_FILE", ca, e);
      }
    }
    if (files.clientCertificate().isPresent()) {
      Path cert = files.clientCertificate().get();
      Path key = files.clientKey().orElseThrow();
      try {
        tls.keyManager(cert.toFile(), key.toFile());
      } catch (RuntimeException e) {
        throw unusable("ETCD_CERT_FILE '" + Excerpt.of(cert.toString()) + "' or ETCD_KEY_FILE", key, e);
      }
    }
    try {
      return tls.build();
    } catch (javax.net.ssl.SSLException | RuntimeException e) {
      throw new DatastoreException("cannot set up TLS from " + files.variables() + ": " + EtcdFailures.cause(e), e);
    }
  }

  private static DatastoreException unusable(String variable, Path path, RuntimeException e) {
    return new DatastoreException(variable + " '" + Excerpt.of(path.toString()) + "' is not a usable PEM file: "
        + EtcdFailures.cause(e), e);
  }
}
