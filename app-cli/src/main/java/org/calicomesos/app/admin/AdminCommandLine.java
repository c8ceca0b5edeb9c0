package org.calicomesos.app.admin;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Runs one admin command line ({@code pool add 10.0.0.0/16}) and returns its exit status: 0 done, 1 failed, 2 misused. */
public final class AdminCommandLine {
  private AdminCommandLine() {}

  /** @param services built only when a command needs the datastore (not for --help or usage errors) */
  public static int execute(String[] args, Supplier<AdminServices> services, PrintStream out, PrintStream err) {
    Invocation invocation = new Invocation(services, out, err);
    try {
      return AdminCommands.tree(invocation).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
