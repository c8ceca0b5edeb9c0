package org.calicomesos.app.logging;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A logger for lines that carry {@link LogFields}, such as the one line of each plugin request: fields stay
 * apart from the message, so the JSON format writes them as members a tool can select. Writes to the same
 * route, at the same level, as {@code System.getLogger}'s loggers.
 */
public final class FieldLogger {
  private final String name;
  private final LogRoute route;

  private FieldLogger(String name, LogRoute route) {
    this.name = name;
    this.route = route;
  }

  public static FieldLogger named(String name) {
    return new FieldLogger(Objects.requireNonNull(name, "name"), LogRoute.PROCESS);
  }

  public boolean isLoggable(Level level) {
    return route.accepts(level);
  }

  public void log(Level level, String message, LogFields fields) {
    if (isLoggable(level)) {
      route.write(System.currentTimeMillis(), level, name, message, null, fields);
    }
  }
}
