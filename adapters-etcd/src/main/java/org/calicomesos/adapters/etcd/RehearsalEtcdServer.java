package org.calicomesos.adapters.etcd;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * etcd's KV service (range, put, delete, txn) on a map, served on an ephemeral loopback port, for the agent's
 * warm-up alone: its requests then run through the same client, gRPC and Netty code as real ones, without
 * reaching the real datastore. It keeps no history and has no watches, leases or auth; one lock serialises it.
 */
public final class RehearsalEtcdServer implements AutoCloseable {
  private final Server server;

  private RehearsalEtcdServer(Server server) {
    this.server = server;
  }

  /** Serves on 127.0.0.1, on a port the kernel picks. */
  public static RehearsalEtcdServer start() throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(new MapKv())
        .directExecutor()
        .build()
        .start();
    return new RehearsalEtcdServer(server);
  }

  /** Its address, as ETCD_ENDPOINTS takes it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class MapKv extends KVGrpc.KVImplBase {
    private final NavigableMap<ByteString, KeyValue> keys =
        new TreeMap<>(ByteString.unsignedLexicographicalComparator());
    private long revision = 1;

    @Override
    public synchronized void range(RangeRequest request, StreamObserver<RangeResponse> answer) {
      reply(answer, range(request));
    }

    @Override
    public synchronized void put(PutRequest request, StreamObserver<PutResponse> answer) {
      revision++;
      put(request);
      reply(answer, PutResponse.newBuilder().setHeader(header()).build());
    }

    @Override
    public synchronized void deleteRange(DeleteRangeRequest request, StreamObserver<DeleteRangeResponse> answer) {
      long deleted = delete(request);
      if (deleted > 0) {
        revision++;
      }
      reply(answer, DeleteRangeResponse.newBuilder().setHeader(header()).setDeleted(deleted).build());
    }

    @Override
    public synchronized void txn(TxnRequest request, StreamObserver<TxnResponse> answer) {
      boolean succeeded = request.getCompareList().stream().allMatch(this::holds);
      List<RequestOp> operations = succeeded ? request.getSuccessList() : request.getFailureList();
      boolean writes = operations.stream().anyMatch(op -> !op.hasRequestRange());
      if (writes) {
        revision++; // one transaction, one revision: every put in it carries it
      }
      List<ResponseOp> responses = new ArrayList<>();
      for (RequestOp operation : operations) {
        if (operation.hasRequestRange()) {
          responses.add(ResponseOp.newBuilder().setResponseRange(range(operation.getRequestRange())).build());
        } else if (operation.hasRequestPut()) {
          put(operation.getRequestPut());
          responses.add(ResponseOp.newBuilder().setResponsePut(PutResponse.newBuilder().setHeader(header())).build());
        } else if (operation.hasRequestDeleteRange()) {
          long deleted = delete(operation.getRequestDeleteRange());
          responses.add(ResponseOp.newBuilder().setResponseDeleteRange(
              DeleteRangeResponse.newBuilder().setHeader(header()).setDeleted(deleted)).build());
        }
      }
      reply(answer, TxnResponse.newBuilder().setHeader(header()).setSucceeded(succeeded)
          .addAllResponses(responses).build());
    }

    private RangeResponse range(RangeRequest request) {
      List<KeyValue> found = new ArrayList<>(selected(request.getKey(), request.getRangeEnd()).values());
      return RangeResponse.newBuilder().setHeader(header()).addAllKvs(found).setCount(found.size()).build();
    }

    private void put(PutRequest request) {
      KeyValue old = keys.get(request.getKey());
      keys.put(request.getKey(), KeyValue.newBuilder().setKey(request.getKey()).setValue(request.getValue())
          .setCreateRevision(old == null ? revision : old.getCreateRevision()).setModRevision(revision)
          .setVersion(old == null ? 1 : old.getVersion() + 1).build());
    }

    private long delete(DeleteRangeRequest request) {
      NavigableMap<ByteString, KeyValue> selected = selected(request.getKey(), request.getRangeEnd());
      int deleted = selected.size();
      selected.clear();
      return deleted;
    }

    // etcd's range: one key when the end is empty, every key from the start on when it is "\0".
    private NavigableMap<ByteString, KeyValue> selected(ByteString start, ByteString end) {
      if (end.isEmpty()) {
        return keys.subMap(start, true, start, true);
      }
      if (end.size() == 1 && end.byteAt(0) == 0) {
        return keys.tailMap(start, true);
      }
      return keys.subMap(start, true, end, false);
    }

    private boolean holds(Compare compare) {
      KeyValue current = keys.get(compare.getKey());
      int order;
      switch (compare.getTarget()) {
        case VERSION -> order = Long.compare(current == null ? 0 : current.getVersion(), compare.getVersion());
        case CREATE -> order = Long.compare(current == null ? 0 : current.getCreateRevision(),
            compare.getCreateRevision());
        case MOD -> order = Long.compare(current == null ? 0 : current.getModRevision(), compare.getModRevision());
        case VALUE -> order = ByteString.unsignedLexicographicalComparator().compare(
            current == null ? ByteString.EMPTY : current.getValue(), compare.getValue());
        default -> throw new IllegalArgumentException("compare target " + compare.getTarget() + " is not served");
      }
      return switch (compare.getResult()) {
        case EQUAL -> order == 0;
        case GREATER -> order > 0;
        case LESS -> order < 0;
        case NOT_EQUAL -> order != 0;
        default -> throw new IllegalArgumentException("compare " + compare.getResult() + " is not served");
      };
    }

    private ResponseHeader header() {
      return ResponseHeader.newBuilder().setRevision(revision).build();
    }

    private static <T> void reply(StreamObserver<T> answer, T response) {
      answer.onNext(response);
      answer.onCompleted();
    }
  }
}
