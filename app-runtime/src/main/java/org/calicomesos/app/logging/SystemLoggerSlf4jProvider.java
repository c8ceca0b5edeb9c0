package org.calicomesos.app.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of calico-mesos (found through {@code META-INF/services}), whose loggers forward to
 * {@code System.getLogger}. It exists for sqlite-jdbc, which logs through SLF4J when SLF4J is on the classpath
 * and otherwise through {@code java.util.logging}, whose start-up would cost every SQLite request ~12 ms.
 */
public final class SystemLoggerSlf4jProvider implements SLF4JServiceProvider, ILoggerFactory {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Called by {@code ServiceLoader}. */
  public SystemLoggerSlf4jProvider() {
    // Nothing to set up: loggers are made on demand.
  }

  @Override
  public Logger getLogger(String name) {
    return new SystemLoggerSlf4jLogger(name, System.getLogger(name));
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return this;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // Everything is ready at construction.
  }
}
