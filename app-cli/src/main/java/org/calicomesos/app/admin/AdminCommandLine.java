package org.calicomesos.app.admin;

import java.io.PrintStream;
import java.util.function.Supplier;

/** STUB (the admin CLI is being written): runs one admin command line and returns its exit status. */
public final class AdminCommandLine {
  private AdminCommandLine() {}

  /** @param services built only when a command needs the datastore (not for --help or usage errors) */
  public static int execute(String[] args, Supplier<AdminServices> services, PrintStream out, PrintStream err) {
    err.println("admin commands are not available yet");
    return 2;
  }
}
