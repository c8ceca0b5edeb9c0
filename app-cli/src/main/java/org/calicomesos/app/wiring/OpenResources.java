package org.calicomesos.app.wiring;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the component opened and must close when the process ends (the datastore). Only what was actually
 * constructed is registered, so closing never builds an adapter that was not used.
 */
@Singleton
public final class OpenResources implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OpenResources.class.getName());

  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  @Inject
  OpenResources() {}

  synchronized void register(AutoCloseable resource) {
    open.push(resource);
  }

  /** Closes in reverse order of opening; a failure is logged, not thrown (the response is already decided). */
  @Override
  public synchronized void close() {
    while (!open.isEmpty()) {
      AutoCloseable resource = open.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "cannot close " + resource, e);
      }
    }
  }
}
