package org.calicomesos.testkit.server;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server (etcd, Consul) for all the tests of a class, started before the first and stopped after
 * the last, also when a test fails:
 * {@code @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);}
 */
public final class ServerPerClass<S extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<S> start;
  private S server;

  public ServerPerClass(Supplier<S> start) {
    this.start = start;
  }

  /** The running server; only between the class's first and last test. */
  public S server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only while the test class does");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = start.get();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
