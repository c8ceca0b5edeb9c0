package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.calicomesos.app.PluginProcess;
import org.calicomesos.app.admin.commandline.AdminCommandLine;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.wiring.DecoratedPluginComponent;
import org.calicomesos.app.wiring.PortDecorators;
import org.calicomesos.app.wiring.SpokenProtocols;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * The crash matrix's plugin process: runs {@link RunnerScript}s (set-up requests, the request under test, admin
 * commands), each request through the real pipeline ({@link PluginProcess}): a watched one on a
 * {@link DecoratedPluginComponent} built for it, its steps counted and, if armed, halted at one; the others on
 * {@link WarmApplications}, one set per script. With a script's path it runs that script and exits (the JVM the
 * matrix kills); with {@value #SERVE} it runs each script path read from stdin and answers {@value #DONE} on
 * stdout, for as long as stdin stays open (the host's warm runner, {@link HostRunner}). Test code only:
 * production never builds the decorated graph.
 */
public final class CrashRunner {
  static final String SERVE = "--serve";
  static final String DONE = "done";

  private CrashRunner() {}

  public static void main(String[] args) throws Exception {
    // As Main does for a plugin: stdout is for answers alone (here, DONE), whatever else prints.
    PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (args[0].equals(SERVE)) {
      BufferedReader scripts = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String script = scripts.readLine(); script != null; script = scripts.readLine()) {
        try {
          run(RunnerScript.read(Path.of(script)));
        } catch (Exception | Error e) {
          // The script's results stop where it failed, which the matrix reports; the next script runs all the same.
          e.printStackTrace();
        }
        answers.println(DONE);
      }
    } else {
      run(RunnerScript.read(Path.of(args[0])));
    }
    // Exit at once: the store's threads (etcd's client) need not wind down for a process that is done.
    Runtime.getRuntime().halt(0);
  }

  private static void run(RunnerScript script) throws Exception {
    List<String> addresses = script.addresses();
    try (WarmApplications warm = new WarmApplications()) {
      for (RunnerAction action : script.actions()) {
        String stdin = action.stdin().replace(RunnerAction.ADDRESSES, jsonArray(addresses));
        RunnerResult.started(action.label(), stdin).appendTo(script.results());
        RunnerResult result = action.protocol().equals(RunnerAction.ADMIN) ? admin(action, warm)
            : request(action, stdin, script.steps(), warm);
        result.appendTo(script.results());
        addresses = answeredAddresses(result).orElse(addresses);
      }
    }
  }

  private static RunnerResult request(RunnerAction action, String stdin, Path steps, WarmApplications warm) {
    Function<Configuration, PluginApplication> application = action.watch() == null ? warm::plugin
        : configuration -> DecoratedPluginComponent.create(configuration,
            counting(configuration, new StepCounter(action.label(), action.watch(), steps)));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int status = PluginProcess.run(action.protocol().equals(RunnerAction.CNI) ? SpokenProtocols.CNI
            : SpokenProtocols.NET_MODULES, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout,
        System.err, action.env(), ConfigurationReader.forThisMachine(), application);
    return new RunnerResult(action.label(), stdin, status, stdout.toString(StandardCharsets.UTF_8));
  }

  /** The command line as {@code calico-mesos} runs it, on the warm admin use cases of its configuration. */
  private static RunnerResult admin(RunnerAction action, WarmApplications warm) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int status = AdminCommandLine.execute(action.args().toArray(String[]::new), Optional.empty(), action.env(),
        () -> warm.admin(action.env()), List.of(), new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
    return new RunnerResult(action.label(), "", status, stdout.toString(StandardCharsets.UTF_8));
  }

  private static PortDecorators counting(Configuration configuration, StepCounter steps) {
    return new PortDecorators() {
      @Override
      public KeyValueStore store(KeyValueStore store) {
        return new StepCountingStore(store, configuration.keys(), steps);
      }

      @Override
      public Dataplane dataplane(Dataplane dataplane) {
        return new StepCountingDataplane(dataplane, steps);
      }
    };
  }

  /** The {@code ipv4} addresses a successful allocate answered, if this was one. */
  private static Optional<List<String>> answeredAddresses(RunnerResult result) {
    if (result.status() != 0 || !result.stdout().startsWith("{")) {
      return Optional.empty();
    }
    JsonNode ipv4 = result.json().path("ipv4");
    if (!ipv4.isArray() || ipv4.isEmpty()) {
      return Optional.empty();
    }
    List<String> addresses = new ArrayList<>();
    ipv4.forEach(address -> addresses.add(address.asText()));
    return Optional.of(addresses);
  }

  private static String jsonArray(List<String> addresses) {
    return RunnerScript.JSON.valueToTree(addresses).toString();
  }
}
