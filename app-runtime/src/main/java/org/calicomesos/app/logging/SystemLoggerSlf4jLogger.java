package org.calicomesos.app.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that hands each record, its {@code {}} arguments filled in, to a {@link System.Logger}. */
final class SystemLoggerSlf4jLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient System.Logger target;

  SystemLoggerSlf4jLogger(String name, System.Logger target) {
    this.name = name;
    this.target = target;
  }

  @Override
  public boolean isTraceEnabled() {
    return target.isLoggable(System.Logger.Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return target.isLoggable(System.Logger.Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return target.isLoggable(System.Logger.Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return target.isLoggable(System.Logger.Level.WARNING);
  }

  @Override
  public boolean isErrorEnabled() {
    return target.isLoggable(System.Logger.Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
      Throwable thrown) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    target.log(systemLevel(level), message, thrown);
  }

  private static System.Logger.Level systemLevel(Level level) {
    switch (level) {
      case ERROR:
        return System.Logger.Level.ERROR;
      case WARN:
        return System.Logger.Level.WARNING;
      case INFO:
        return System.Logger.Level.INFO;
      case DEBUG:
        return System.Logger.Level.DEBUG;
      default:
        return System.Logger.Level.TRACE;
    }
  }
}
