package org.calicomesos.app.agent.serving;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationVariables;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginApplications;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.ProtocolEndpoint;

/**
 * A warm application (datastore client, caches) per configuration the agent's clients use: on a Mesos host
 * that is one, the same as the agent's own (the warm-up's rehearsal has one of its own). A few are kept, least
 * recently used first out; one leaves only when no request holds it, and then closes what it opened.
 */
public final class ServedConfigurations implements PluginApplications, AutoCloseable {
  private static final int KEPT = 8;

  private final Function<Configuration, PluginApplication> build;
  // Access order: the first entry is the least recently used.
  private final LinkedHashMap<Map<String, String>, Served> byEnvironment = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  public ServedConfigurations(Function<Configuration, PluginApplication> build) {
    this.build = build;
  }

  /**
   * The application for the configuration variables of {@code environment} (which {@code configuration} was read
   * from), held until closed.
   */
  @Override
  public synchronized ServedLease lease(Map<String, String> environment, Configuration configuration) {
    if (closed) {
      throw new IllegalStateException("the agent is stopping");
    }
    Map<String, String> variables = ConfigurationVariables.of(environment);
    Served served = byEnvironment.get(variables);
    if (served == null) {
      served = new Served(build.apply(configuration));
      byEnvironment.put(variables, served);
      evictIdleBeyondLimit();
    }
    served.leases++;
    return new ServedLease(served);
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
        served.application.close();
      }
    }
  }

  private synchronized void release(Served served) {
    served.leases--;
    if ((closed || served.discarded) && served.leases == 0) {
      served.application.close();
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
        served.application.close();
      }
    }
  }

  private static final class Served {
    final PluginApplication application;
    int leases;
    boolean discarded;

    Served(PluginApplication application) {
      this.application = application;
    }
  }

  /** One request's hold on an application. */
  final class ServedLease implements PluginApplications.Lease {
    private final Served served;
    private boolean released;

    private ServedLease(Served served) {
      this.served = served;
    }

    PluginApplication application() {
      return served.application;
    }

    @Override
    public ProtocolEndpoint endpoint(PluginProtocol protocol) {
      return served.application.endpoint(protocol);
    }

    /**
     * The next request of this configuration gets a new application: this one could not reach its datastore,
     * and a new client connects afresh where an old one may sit out a reconnect back-off. Closed once idle.
     */
    @Override
    public void discard() {
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
