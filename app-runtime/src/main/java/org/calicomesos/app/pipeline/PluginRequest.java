package org.calicomesos.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * One plugin request as a transport hands it over: the protocol it speaks, the environment that protocol and the
 * configuration read, and its stdin, or why stdin was refused while it was read (too large), which is then the
 * answer.
 */
public final class PluginRequest {
  private final PluginProtocol protocol;
  private final Map<String, String> environment;
  private final byte[] stdin;
  private final String refused;

  private PluginRequest(PluginProtocol protocol, Map<String, String> environment, byte[] stdin, String refused) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.environment = Map.copyOf(environment);
    this.stdin = stdin;
    this.refused = refused;
  }

  public static PluginRequest of(PluginProtocol protocol, Map<String, String> environment, byte[] stdin) {
    return new PluginRequest(protocol, environment, Objects.requireNonNull(stdin, "stdin").clone(), null);
  }

  /**
   * The request whose stdin a transport reads from {@code stdin} to EOF: refused, with the sentence that says so,
   * when it holds more than the protocol reads.
   */
  public static PluginRequest read(PluginProtocol protocol, Map<String, String> environment, InputStream stdin)
      throws IOException {
    try {
      return of(protocol, environment, BoundedInput.readAll(stdin, protocol.maxRequestBytes()));
    } catch (InvalidRequestException e) {
      return refused(protocol, environment, e.getMessage());
    }
  }

  /** A request whose stdin was not taken: {@code sentence} says why. */
  public static PluginRequest refused(PluginProtocol protocol, Map<String, String> environment, String sentence) {
    return new PluginRequest(protocol, environment, null, Objects.requireNonNull(sentence, "sentence"));
  }

  public PluginProtocol protocol() {
    return protocol;
  }

  public Map<String, String> environment() {
    return environment;
  }

  public byte[] stdin() {
    return stdin;
  }

  /** Why stdin was not taken, or {@code null} when it was. */
  public String refused() {
    return refused;
  }
}
