package org.calicomesos.app.admin;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One admin run: where its output goes, the path it was started through, the environment it was started with,
 * and the use cases, built on first use so --help never needs a datastore.
 */
public final class Invocation {
  private final Supplier<AdminUseCases> supplier;
  private final NestedRun nested;
  private final Optional<String> launcher;
  private final Map<String, String> environment;
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private AdminUseCases services;

  /** Runs another admin command line in this process, on the same services, printing to the given streams. */
  @FunctionalInterface
  public interface NestedRun {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  public Invocation(Supplier<AdminUseCases> supplier, NestedRun nested, Optional<String> launcher,
      Map<String, String> environment, PrintStream out, PrintStream err) {
    this(supplier, nested, launcher, environment, System.in, out, err);
  }

  /** @param in what {@code -f -} reads ({@code policy apply}) */
  public Invocation(Supplier<AdminUseCases> supplier, NestedRun nested, Optional<String> launcher,
      Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
    this.in = Objects.requireNonNull(in, "in");
    this.supplier = Objects.requireNonNull(supplier, "supplier");
    this.nested = Objects.requireNonNull(nested, "nested");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.environment = Map.copyOf(environment);
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /** The datastore-backed use cases; the first call builds them (and may fail with the datastore's error). */
  public AdminUseCases useCases() {
    if (services == null) {
      services = Objects.requireNonNull(supplier.get(), "admin services");
    }
    return services;
  }

  /** The launcher script this run came through, as bin/calico-mesos resolved it; empty when run otherwise. */
  public Optional<String> launcher() {
    return launcher;
  }

  /** The environment the settings are read from (the process's own, but for tests). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Standard input, for a command that reads a file named {@code -}. */
  public InputStream in() {
    return in;
  }

  /** Where reports go. */
  public PrintStream out() {
    return out;
  }

  /** Where errors go; only the failure report writes there. */
  public PrintStream err() {
    return err;
  }

  /** Runs {@code args} as another admin command line in this process, on this run's services (diags does). */
  public int runNested(String[] args, PrintStream nestedOut, PrintStream nestedErr) {
    return nested.run(args, nestedOut, nestedErr);
  }
}
