package org.calicomesos.app.agent.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.calicomesos.app.plugin.BoundedInput;
import org.calicomesos.app.plugin.NetModulesEndpoint;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * The agent's socket protocol, written by bin/calico-mesos in shell, so it is as plain as can be. The client
 * sends a header line, {@code calico-mesos/1 plugin} or {@code calico-mesos/1 status}; for {@code plugin},
 * then its environment as {@code env -0} prints it (each {@code NAME=value} ended by a NUL) closed by one
 * more NUL, then the request bytes exactly as the Mesos agent wrote them, then it shuts down its side. The
 * agent answers with the response bytes and closes. The environment travels so that the agent answers
 * every request with the configuration the in-process plugin would have used.
 */
final class AgentWire {
  static final String HEADER_PREFIX = "calico-mesos/1 ";
  static final String PLUGIN = "plugin";
  static final String STATUS = "status";

  private static final int MAX_HEADER_BYTES = 64;
  private static final int MAX_ENVIRONMENT_BYTES = 256 * 1024;
  // Only these reach the configuration reader; the rest of the client's environment is none of our business.
  private static final String[] CONFIGURATION_PREFIXES = {"CALICO_", "ETCD_", "CONSUL_"};

  private AgentWire() {}

  /** Not a request this agent understands; the connection is answered with an error and closed. */
  static final class MalformedFrameException extends IOException {
    MalformedFrameException(String message) {
      super(message);
    }
  }

  static byte[] header(String verb) {
    return (HEADER_PREFIX + verb + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  static AgentFrame read(InputStream in) throws IOException {
    String header = readHeader(in);
    if (header.equals(HEADER_PREFIX + STATUS)) {
      return new AgentFrame.Status();
    }
    if (!header.equals(HEADER_PREFIX + PLUGIN)) {
      throw new MalformedFrameException("expected a '" + HEADER_PREFIX + PLUGIN + "' or '" + HEADER_PREFIX + STATUS
          + "' header line");
    }
    Map<String, String> environment = readEnvironment(in);
    try {
      return new AgentFrame.Plugin(environment, BoundedInput.readAll(in, NetModulesEndpoint.MAX_REQUEST_BYTES), null);
    } catch (InvalidRequestException e) {
      return new AgentFrame.Plugin(environment, null, e.getMessage());
    }
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

  private static Map<String, String> readEnvironment(InputStream in) throws IOException {
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
      keepIfConfiguration(entry.toString(StandardCharsets.UTF_8), environment);
      entry.reset();
    }
  }

  private static void keepIfConfiguration(String entry, Map<String, String> environment) {
    int equals = entry.indexOf('=');
    if (equals > 0 && isConfiguration(entry.substring(0, equals))) {
      environment.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
  }

  /** The variables of {@code environment} a client's frame would carry to the configuration reader. */
  static Map<String, String> configurationOf(Map<String, String> environment) {
    Map<String, String> configuration = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (isConfiguration(name)) {
        configuration.put(name, value);
      }
    });
    return configuration;
  }

  private static boolean isConfiguration(String name) {
    for (String prefix : CONFIGURATION_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
