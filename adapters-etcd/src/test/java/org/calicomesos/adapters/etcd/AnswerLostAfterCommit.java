package org.calicomesos.adapters.etcd;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;

/** Lets the next {@code count} transactions reach etcd and commit, then loses their answers, as a dropped connection would. */
final class AnswerLostAfterCommit implements ClientInterceptor {
  private final AtomicInteger remaining = new AtomicInteger();

  void loseNext(int count) {
    remaining.set(count);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (!method.getFullMethodName().endsWith("/Txn") || remaining.getAndDecrement() <= 0) {
      return call;
    }
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onMessage(R message) {
            // dropped: the answer never arrives
          }

          @Override
          public void onClose(Status status, Metadata trailers) {
            super.onClose(Status.UNAVAILABLE.withDescription("connection reset (test)"), trailers);
          }
        }, headers);
      }
    };
  }
}
