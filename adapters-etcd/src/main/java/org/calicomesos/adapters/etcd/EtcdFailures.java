package org.calicomesos.adapters.etcd;

import io.etcd.jetcd.common.exception.ClosedClientException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Tells an unreachable etcd from one that refused, and puts either into a short lower-case cause. */
final class EtcdFailures {
  private static final Set<ErrorCode> UNREACHABLE = Set.of(ErrorCode.UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED,
      ErrorCode.CANCELLED, ErrorCode.ABORTED);

  private EtcdFailures() {}

  /** True when etcd may not have seen or answered the call: a write's outcome is then unknown. */
  static boolean unreachable(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof TimeoutException || t instanceof CancellationException || t instanceof ClosedClientException) {
      return true;
    }
    if (t instanceof EtcdException etcd) {
      return UNREACHABLE.contains(etcd.getErrorCode()) || hasNetworkCause(etcd);
    }
    if (t instanceof StatusRuntimeException status) {
      Status.Code code = status.getStatus().getCode();
      return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
          || code == Status.Code.CANCELLED || hasNetworkCause(status);
    }
    return hasNetworkCause(t);
  }

  /** One clause for an operator: "connection refused", "TLS handshake failed: ...", "no answer within 3 s". */
  static String cause(Throwable failure) {
    Throwable t = unwrap(failure);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return "TLS handshake failed: " + tlsProblem(c);
      }
      if (c instanceof ConnectException) {
        return "connection refused";
      }
      if (c instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (c instanceof UnknownHostException) {
        return "unknown host " + c.getMessage();
      }
      if (c instanceof ClosedChannelException) {
        return "connection closed";
      }
    }
    if (t instanceof ClosedClientException) {
      return "the client is closed";
    }
    Status status = Status.fromThrowable(t);
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED
        || (t instanceof EtcdException etcd && etcd.getErrorCode() == ErrorCode.DEADLINE_EXCEEDED)) {
      return "no answer in time";
    }
    if (status.getCode() != Status.Code.UNKNOWN && status.getDescription() != null) {
      return status.getDescription();
    }
    return message(t);
  }

  /** What went wrong in a handshake, in the operator's terms: whose certificate, and which variable to check. */
  private static String tlsProblem(Throwable ssl) {
    for (Throwable c = ssl; c != null; c = c.getCause()) {
      if (c instanceof java.security.cert.CertPathBuilderException
          || c instanceof java.security.cert.CertPathValidatorException) {
        return "etcd's certificate is not signed by a trusted CA (ETCD_CA_CERT_FILE)";
      }
    }
    String text = message(ssl);
    if (text.contains("bad_certificate") || text.contains("certificate_required")) {
      return "etcd refused the client certificate (" + text + "; ETCD_CERT_FILE, ETCD_KEY_FILE)";
    }
    return text;
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean hasNetworkCause(Throwable failure) {
    for (Throwable c = failure.getCause(); c != null; c = c.getCause()) {
      if (c instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable t) {
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    // gRPC prefixes its own status name ("UNAVAILABLE: io exception"); the operator needs the words only.
    int colon = text.indexOf(": ");
    if (colon > 0 && text.substring(0, colon).equals(text.substring(0, colon).toUpperCase(Locale.ROOT))
        && !text.substring(0, colon).contains(" ")) {
      text = text.substring(colon + 2);
    }
    return text.replace('\n', ' ');
  }
}
