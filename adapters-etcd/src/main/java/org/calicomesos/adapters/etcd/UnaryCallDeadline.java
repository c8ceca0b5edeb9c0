package org.calicomesos.adapters.etcd;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every single-answer etcd call a gRPC deadline, which etcd also sees and honours; jetcd's API has
 * no per-call deadline. Watch streams are long-lived by design and are left alone.
 */
final class UnaryCallDeadline implements ClientInterceptor {
  private final long nanos;

  UnaryCallDeadline(Duration timeout) {
    this.nanos = timeout.toNanos();
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    boolean unary = method.getType() == MethodDescriptor.MethodType.UNARY;
    CallOptions bounded = unary && options.getDeadline() == null ? options.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS)
        : options;
    return next.newCall(method, bounded);
  }
}
