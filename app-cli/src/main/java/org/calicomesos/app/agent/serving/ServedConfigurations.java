package org.calicomesos.app.agent.serving;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.wiring.AppComponent;

/**
 * A warm application (datastore client, caches) per configuration the agent's clients use: on a Mesos host
 * that is one, the same as the agent's own. A few are kept, least recently used first out; one leaves only
 * when no request holds it, and then closes what it opened.
 */
final class ServedConfigurations implements AutoCloseable {
  private static final int KEPT = 8;

  private final Function<Configuration, AppComponent> build;
  // Access order: the first entry is the least recently used.
  private final LinkedHashMap<Map<String, String>, Served> byEnvironment = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  ServedConfigurations(Function<Configuration, AppComponent> build) {
    this.build = build;
  }

  /** The application for {@code environment} (which {@code configuration} was read from), held until closed. */
  synchronized Lease lease(Map<String, String> environment, Configuration configuration) {
    if (closed) {
      throw new IllegalStateException("the agent is stopping");
    }
    Served served = byEnvironment.get(environment);
    if (served == null) {
      served = new Served(build.apply(configuration));
      byEnvironment.put(Map.copyOf(environment), served);
      evictIdleBeyondLimit();
    }
    served.leases++;
    return new Lease(served);
  }

  synchronized int size() {
    return byEnvironment.size();
  }

  private void evictIdleBeyondLimit() {
    Iterator<Served> oldestFirst = byEnvironment.values().iterator();
    while (byEnvironment.size() > KEPT && oldestFirst.hasNext()) {
      Served served = oldestFirst.next();
      if (served.leases == 0) {
        oldestFirst.remove();
        served.component.openResources().close();
      }
    }
  }

  private synchronized void release(Served served) {
    served.leases--;
    if ((closed || served.discarded) && served.leases == 0) {
      served.component.openResources().close();
    }
  }

  private synchronized void discard(Served served) {
    if (byEnvironment.values().remove(served)) {
      served.discarded = true;
    }
  }

  /** Closes every idle application now, and each busy one when its last request ends. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Served served : byEnvironment.values()) {
      if (served.leases == 0) {
        served.component.openResources().close();
      }
    }
  }

  private static final class Served {
    final AppComponent component;
    int leases;
    boolean discarded;

    Served(AppComponent component) {
      this.component = component;
    }
  }

  /** One request's hold on an application. */
  final class Lease implements AutoCloseable {
    private final Served served;
    private boolean released;

    private Lease(Served served) {
      this.served = served;
    }

    AppComponent component() {
      return served.component;
    }

    /**
     * The next request of this configuration gets a new application: this one could not reach its datastore,
     * and a new client connects afresh where an old one may sit out a reconnect back-off. Closed once idle.
     */
    void discard() {
      ServedConfigurations.this.discard(served);
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        release(served);
      }
    }
  }
}
