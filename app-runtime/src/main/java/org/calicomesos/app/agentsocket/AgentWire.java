package org.calicomesos.app.agentsocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.calicomesos.app.config.ConfigurationVariables;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.ports.model.Excerpt;

/**
 * The agent's socket protocol, written by calico-mesos-agent-client (app-cli/src/main/c/agent-client.c), so it is
 * as plain as can be. The client sends a header line, {@code calico-mesos/2 plugin PROTOCOL} or
 * {@code calico-mesos/2 status}; for {@code plugin}, then its environment as {@code env -0} prints it (each
 * {@code NAME=value} ended by a NUL) closed by one more NUL, then the request's stdin exactly as the caller wrote
 * it, then it shuts down its side. The agent answers a plugin request with the line {@code calico-mesos/2 exit N}
 * (the plugin's exit status) and then the plugin's stdout, and closes. The environment travels so that the agent
 * answers every request with the configuration, and the protocol variables, the in-process plugin would have read.
 */
public final class AgentWire {
  static final String VERSION = "calico-mesos/2";
  static final String PLUGIN = "plugin";
  static final String STATUS = "status";
  private static final String PLUGIN_HEADER = VERSION + " " + PLUGIN + " ";

  private static final int MAX_HEADER_BYTES = 64;
  private static final int MAX_ENVIRONMENT_BYTES = 256 * 1024;

  private AgentWire() {}

  /** Not a request this agent understands; the connection is answered with an error and closed. */
  public static final class MalformedFrameException extends IOException {
    MalformedFrameException(String message) {
      super(message);
    }
  }

  /**
   * A plugin request's frame as the client writes it: for a caller in the agent's own process (its warm-up), so
   * that what it replays is read exactly as a client's request is.
   */
  public static byte[] pluginFrame(String protocol, Map<String, String> environment, byte[] stdin) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(256 + stdin.length);
    frame.writeBytes((PLUGIN_HEADER + protocol + "\n").getBytes(StandardCharsets.US_ASCII));
    environment.forEach((name, value) -> {
      frame.writeBytes((name + "=" + value).getBytes(StandardCharsets.UTF_8));
      frame.write(0);
    });
    frame.write(0);
    frame.writeBytes(stdin);
    return frame.toByteArray();
  }

  static byte[] statusHeader() {
    return (VERSION + " " + STATUS + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads one frame. {@code protocols} finds a protocol the agent serves by name; of the environment, the
   * configuration's variables and those the protocol reads are kept.
   */
  public static AgentFrame read(InputStream in, Function<String, Optional<PluginProtocol>> protocols)
      throws IOException {
    String header = readHeader(in);
    if (header.equals(VERSION + " " + STATUS)) {
      return new AgentFrame.Status();
    }
    if (!header.startsWith(PLUGIN_HEADER)) {
      throw new MalformedFrameException("expected a '" + PLUGIN_HEADER + "PROTOCOL' or '" + VERSION + " " + STATUS
          + "' header line");
    }
    String name = header.substring(PLUGIN_HEADER.length());
    PluginProtocol protocol = protocols.apply(name).orElseThrow(() -> new MalformedFrameException(
        "this agent serves no protocol '" + Excerpt.of(name) + "'"));
    Map<String, String> environment = readEnvironment(in, variable ->
        ConfigurationVariables.isConfiguration(variable) || protocol.readsVariable(variable));
    return new AgentFrame.Plugin(PluginRequest.read(protocol, environment, in));
  }

  /** Writes a plugin request's answer: the exit status line, then the plugin's stdout. */
  public static void writeAnswer(PluginResponse response, OutputStream out) throws IOException {
    out.write((VERSION + " exit " + response.exitStatus() + "\n").getBytes(StandardCharsets.US_ASCII));
    out.write(response.body());
    out.flush();
  }

  /** A plugin request's answer as {@link #writeAnswer} wrote it: the plugin's exit status and its stdout. */
  public record Answer(int exitStatus, byte[] stdout) {}

  /** Reads an answer {@link #writeAnswer} wrote: for a caller in the agent's own process (its warm-up). */
  public static Answer readAnswer(InputStream in) throws IOException {
    String header = readHeader(in);
    String prefix = VERSION + " exit ";
    if (!header.startsWith(prefix) || !header.substring(prefix.length()).matches("[0-9]{1,3}")) {
      throw new MalformedFrameException("expected a '" + prefix + "N' answer line, got '" + Excerpt.of(header) + "'");
    }
    return new Answer(Integer.parseInt(header.substring(prefix.length())), in.readAllBytes());
  }

  private static String readHeader(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(32);
    while (true) {
      int next = in.read();
      if (next < 0) {
        throw new MalformedFrameException("the connection ended inside the header line");
      }
      if (next == '\n') {
        return line.toString(StandardCharsets.US_ASCII);
      }
      if (line.size() == MAX_HEADER_BYTES) {
        throw new MalformedFrameException("the header line is longer than " + MAX_HEADER_BYTES + " bytes");
      }
      line.write(next);
    }
  }

  private static Map<String, String> readEnvironment(InputStream in, Predicate<String> kept) throws IOException {
    Map<String, String> environment = new TreeMap<>();
    ByteArrayOutputStream entry = new ByteArrayOutputStream(256);
    int total = 0;
    while (true) {
      int next = in.read();
      if (next < 0) {
        throw new MalformedFrameException("the connection ended inside the environment");
      }
      if (++total > MAX_ENVIRONMENT_BYTES) {
        throw new MalformedFrameException("the environment is larger than " + MAX_ENVIRONMENT_BYTES + " bytes");
      }
      if (next != 0) {
        entry.write(next);
        continue;
      }
      if (entry.size() == 0) {
        return environment;
      }
      String variable = entry.toString(StandardCharsets.UTF_8);
      int equals = variable.indexOf('=');
      if (equals > 0 && kept.test(variable.substring(0, equals))) {
        environment.put(variable.substring(0, equals), variable.substring(equals + 1));
      }
      entry.reset();
    }
  }
}
