package org.calicomesos.ports.kv;

/**
 * A running watch. Closing it stops delivery: once {@code close()} returns no callback runs any more.
 * It is idempotent and may be called from inside the listener.
 */
public interface Watch extends AutoCloseable {
  @Override
  void close();
}
