package org.calicomesos.app.admin;

import org.calicomesos.app.admin.commandline.AdminCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One captured run of the admin CLI: exit status, stdout, stderr, and how often the services were asked for. */
record AdminRun(int status, String out, String err, int servicesBuilt) {

  static AdminRun of(AdminUseCases services, String... args) {
    return of(() -> services, args);
  }

  static AdminRun of(Supplier<AdminUseCases> services, String... args) {
    return of(Optional.empty(), services, args);
  }

  private static AdminRun of(Optional<String> launcher, Supplier<AdminUseCases> services, String... args) {
    return of(launcher, System.getenv(), services, args);
  }

  /** A run whose settings come from {@code environment}, not this JVM's; its services must never be built. */
  static AdminRun withEnvironment(Map<String, String> environment, String... args) {
    return of(Optional.empty(), environment, failingServices(args), args);
  }

  private static AdminRun of(Optional<String> launcher, Map<String, String> environment,
      Supplier<AdminUseCases> services, String... args) {
    return of(launcher, environment, services, new java.io.ByteArrayInputStream(new byte[0]), args);
  }

  /** A run with {@code stdin} as its standard input ({@code policy apply -f -}). */
  static AdminRun withInput(AdminUseCases services, String stdin, String... args) {
    return of(Optional.empty(), System.getenv(), () -> services,
        new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  private static AdminRun of(Optional<String> launcher, Map<String, String> environment,
      Supplier<AdminUseCases> services, java.io.InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger built = new AtomicInteger();
    Supplier<AdminUseCases> counting = () -> {
      built.incrementAndGet();
      return services.get();
    };
    int status = AdminCommandLine.execute(args, launcher, environment, counting, java.util.List.of(), stdin,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new AdminRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), built.get());
  }

  /** A run whose services must never be built: the supplier fails the test if it is called. */
  static AdminRun withoutServices(String... args) {
    return of(failingServices(args), args);
  }

  /** As {@link #withoutServices}, started through a launcher at {@code launcher} (what bin/calico-mesos passes). */
  static AdminRun throughLauncher(String launcher, String... args) {
    return of(Optional.of(launcher), failingServices(args), args);
  }

  private static Supplier<AdminUseCases> failingServices(String... args) {
    return () -> {
      throw new AssertionError("the services were built for: " + String.join(" ", args));
    };
  }
}
