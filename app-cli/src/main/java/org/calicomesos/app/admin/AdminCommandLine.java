package org.calicomesos.app.admin;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs one admin command line ({@code pool add 10.0.0.0/16}) and returns its exit status: 0 done, 1 failed, 2 misused. */
public final class AdminCommandLine {
  private AdminCommandLine() {}

  /** As {@link #execute(String[], Optional, Supplier, PrintStream, PrintStream)}, not started through the launcher. */
  public static int execute(String[] args, Supplier<AdminServices> services, PrintStream out, PrintStream err) {
    return execute(args, Optional.empty(), services, out, err);
  }

  /**
   * @param launcher the launcher's own resolved path, when bin/calico-mesos started this run (modules-json's default)
   * @param services built only when a command needs the datastore (not for --help or usage errors)
   */
  public static int execute(String[] args, Optional<String> launcher, Supplier<AdminServices> services, PrintStream out,
      PrintStream err) {
    Invocation invocation = new Invocation(services, launcher, out, err);
    try {
      return AdminCommands.tree(invocation).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
