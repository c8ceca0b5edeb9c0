package org.calicomesos.app.admin.commandline;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.calicomesos.app.admin.AdminUseCases;
import org.calicomesos.app.admin.Invocation;

/** Runs one admin command line ({@code pool add 10.0.0.0/16}) and returns its exit status: 0 done, 1 failed, 2 misused. */
public final class AdminCommandLine {
  private AdminCommandLine() {}

  /** As {@link #execute(String[], Optional, Supplier, List, PrintStream, PrintStream)}, alone, not through the launcher. */
  public static int execute(String[] args, Supplier<AdminUseCases> services, PrintStream out, PrintStream err) {
    return execute(args, Optional.empty(), services, List.of(), out, err);
  }

  /**
   * @param launcher the launcher's own resolved path, when bin/calico-mesos started this run (modules-json's default)
   * @param services built only when a command needs the datastore (not for --help or usage errors)
   * @param otherEntryPoints picocli commands of the other entry points, listed in help and completion
   */
  public static int execute(String[] args, Optional<String> launcher, Supplier<AdminUseCases> services,
      List<Object> otherEntryPoints, PrintStream out, PrintStream err) {
    return execute(args, launcher, System.getenv(), services, otherEntryPoints, out, err);
  }

  /** As above, with the settings read from {@code environment} instead of the process's (tests). */
  public static int execute(String[] args, Optional<String> launcher, Map<String, String> environment,
      Supplier<AdminUseCases> services, List<Object> otherEntryPoints, PrintStream out, PrintStream err) {
    return execute(args, launcher, environment, services, otherEntryPoints, System.in, out, err);
  }

  /** As above, with standard input read from {@code in} (tests of {@code policy apply -f -}). */
  public static int execute(String[] args, Optional<String> launcher, Map<String, String> environment,
      Supplier<AdminUseCases> services, List<Object> otherEntryPoints, InputStream in, PrintStream out,
      PrintStream err) {
    Invocation invocation = new Invocation(services,
        (nestedArgs, nestedOut, nestedErr) -> execute(nestedArgs, Optional.empty(), environment, services, List.of(),
            in, nestedOut, nestedErr),
        launcher, environment, in, out, err);
    try {
      return AdminCommands.tree(invocation, otherEntryPoints).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
