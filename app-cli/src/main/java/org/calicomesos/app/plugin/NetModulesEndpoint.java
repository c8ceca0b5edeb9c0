package org.calicomesos.app.plugin;

import org.calicomesos.ports.model.Excerpt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.TreeSet;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * The net-modules protocol as a function: request bytes in, one JSON response out, whatever happens.
 * Transport-independent: the plugin process serves it over stdin/stdout, a resident agent may serve it
 * over a socket. Logs one line per request.
 */
public final class NetModulesEndpoint {
  /** Real requests are a few hundred bytes; 1 MiB leaves room for any label set Mesos allows. */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(NetModulesEndpoint.class.getName());

  private final Map<String, Provider<CommandHandler>> handlers;
  private final Configuration configuration;
  private final RequestDecoder decoder = new RequestDecoder();

  @Inject
  NetModulesEndpoint(Map<String, Provider<CommandHandler>> handlers, Configuration configuration) {
    this.handlers = handlers;
    this.configuration = configuration;
  }

  /** Never throws: every failure, expected or not, becomes {@code {"error": "..."}}. */
  public PluginResponse handle(byte[] request) {
    long started = System.nanoTime();
    String command = "?";
    String identifiers = "";
    try {
      ObjectNode root = decoder.decode(request);
      command = commandName(root);
      CommandHandler handler = handlerFor(command);
      RequestArgs args = new RequestArgs(command, argsOf(root));
      identifiers = args.logSummary();
      PluginResponse response = JsonResponses.success(handler.handle(args));
      logOutcome(System.Logger.Level.INFO, command, identifiers, started, "ok", null);
      return response;
    } catch (Throwable failure) {
      // Catching Throwable on purpose: an Error must still produce the JSON the isolator waits for.
      String sentence = ErrorSentences.describe(failure, configuration.log().file().toString());
      boolean expected = failure instanceof CalicoMesosException;
      logOutcome(expected ? System.Logger.Level.INFO : System.Logger.Level.ERROR, command, identifiers, started,
          "failed: " + sentence, expected ? null : failure);
      return JsonResponses.error(sentence);
    }
  }

  private static String commandName(ObjectNode root) {
    JsonNode command = root.get("command");
    if (command == null || command.isNull()) {
      throw new InvalidRequestException("request is missing command");
    }
    if (!command.isTextual()) {
      throw new InvalidRequestException("command must be a string, got " + RequestArgs.kind(command));
    }
    return command.textValue();
  }

  private static ObjectNode argsOf(ObjectNode root) {
    JsonNode args = root.get("args");
    if (args == null || args.isNull()) {
      throw new InvalidRequestException("request is missing args");
    }
    if (!args.isObject()) {
      throw new InvalidRequestException("args must be an object, got " + RequestArgs.kind(args));
    }
    return (ObjectNode) args;
  }

  private CommandHandler handlerFor(String command) {
    Provider<CommandHandler> handler = handlers.get(command);
    if (handler == null) {
      throw new InvalidRequestException("unknown command '" + Excerpt.of(command) + "'; expected one of "
          + String.join(", ", new TreeSet<>(handlers.keySet())));
    }
    return handler.get();
  }

  private void logOutcome(System.Logger.Level level, String command, String identifiers, long started,
      String outcome, Throwable failure) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    String line = "command=" + Excerpt.of(command) + identifiers + " node=" + configuration.nodeName()
        + " " + outcome + " (" + millis + " ms)";
    if (failure == null) {
      LOG.log(level, line);
    } else {
      LOG.log(level, line, failure);
    }
  }
}
