package org.calicomesos.app.logging;

import java.lang.System.Logger;
import java.util.Objects;
import java.util.ResourceBundle;

/** A named {@link System.Logger} that turns each record it accepts into one {@link LogLine} on a route. */
final class LineLogger implements Logger {
  private final String name;
  private final LogRoute route;

  LineLogger(String name, LogRoute route) {
    this.name = name;
    this.route = route;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return route.accepts(Objects.requireNonNull(level, "level"));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    if (isLoggable(level)) {
      route.write(System.currentTimeMillis(), level, name, localized(bundle, message), thrown, null);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      route.write(System.currentTimeMillis(), level, name, LogLine.message(localized(bundle, format), params), null, null);
    }
  }

  // Only JDK-internal loggers pass bundles; our own code logs plain text.
  private static String localized(ResourceBundle bundle, String key) {
    if (bundle == null || key == null || !bundle.containsKey(key)) {
      return key;
    }
    return bundle.getString(key);
  }
}
