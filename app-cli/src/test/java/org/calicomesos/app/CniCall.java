package org.calicomesos.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One CNI plugin invocation exactly as the spec has a runtime make it: the plugin binary run with no arguments, an
 * environment of nothing but the {@code CNI_*} variables the runtime sets (and {@code PATH}), and the network
 * configuration on stdin. Debian's libcni (and so cnitool) has no GC or STATUS, and the Mesos isolator is not
 * cnitool, so those tests drive the plugin through this. Variables are set one by one, so a test can leave out or
 * spoil exactly one of them.
 */
final class CniCall {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Path plugin;
  private final Map<String, String> env = new LinkedHashMap<>();

  private CniCall(Path plugin, String command) {
    this.plugin = plugin;
    env.put("CNI_COMMAND", command);
    env.put("PATH", PATH);
  }

  /** {@code command} (ADD, DEL, CHECK, VERSION, GC, STATUS) of {@code plugin}, with no other variable yet. */
  static CniCall of(Path plugin, String command) {
    return new CniCall(plugin, command);
  }

  CniCall containerId(String id) {
    return with("CNI_CONTAINERID", id);
  }

  CniCall netns(Path netns) {
    return with("CNI_NETNS", netns.toString());
  }

  CniCall ifname(String ifname) {
    return with("CNI_IFNAME", ifname);
  }

  CniCall path(String cniPath) {
    return with("CNI_PATH", cniPath);
  }

  CniCall args(String cniArgs) {
    return with("CNI_ARGS", cniArgs);
  }

  CniCall with(String name, String value) {
    env.put(name, value);
    return this;
  }

  CniCall without(String name) {
    env.remove(name);
    return this;
  }

  /** The configuration arrives through a pipe, as libcni writes it. */
  Result withConfig(String config) {
    ProcessBuilder builder = builder();
    return run(builder, config.getBytes(StandardCharsets.UTF_8));
  }

  /** The configuration is a file the plugin's stdin is opened on, as the Mesos isolator passes it. */
  Result withConfigFile(Path config) {
    ProcessBuilder builder = builder().redirectInput(config.toFile());
    return run(builder, null);
  }

  private ProcessBuilder builder() {
    ProcessBuilder builder = new ProcessBuilder(plugin.toString());
    // The runtime's environment, not this JVM's: nothing inherited (no CALICO_*, no JAVA_HOME, no HOME).
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder;
  }

  /**
   * Runs {@code builder} to its end, {@code stdin} written to it when not null (otherwise the builder says where
   * stdin comes from); stdout and stderr go to files, so neither can fill a pipe and stall the process.
   */
  static Result run(ProcessBuilder builder, byte[] stdin) {
    try {
      Path out = Files.createTempFile("cni-call-", ".out");
      Path err = Files.createTempFile("cni-call-", ".err");
      try {
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (stdin != null) {
          try (var in = process.getOutputStream()) {
            in.write(stdin);
          } catch (IOException e) {
            // The plugin may stop reading early (a refused request); its answer is what counts.
          }
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("did not finish within 90 s: " + builder.command());
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + builder.command(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** How the plugin answered: its exit status, stdout (one JSON document, or nothing) and stderr. */
  record Result(int status, String stdout, String stderr) {
    /** stdout as JSON; fails the test if it is not exactly one JSON document. */
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON document (exit " + status + "): " + stdout
            + "\nstderr: " + stderr, e);
      }
    }

    /** The CNI error object's {@code code}; fails the test unless stdout is one. */
    int code() {
      JsonNode code = json().get("code");
      if (code == null || !code.canConvertToInt()) {
        throw new AssertionError("not a CNI error object (exit " + status + "): " + stdout + "\nstderr: " + stderr);
      }
      return code.asInt();
    }

    String msg() {
      return json().path("msg").asText();
    }

    @Override
    public String toString() {
      return "exit " + status + ", stdout: " + stdout + "stderr: " + stderr;
    }
  }
}
