package org.calicomesos.app.netmodules;

import org.calicomesos.ports.model.Excerpt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.TreeSet;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.json.JsonKind;
import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * The net-modules protocol as a function: request bytes in, one JSON response out, whatever happens.
 * Transport-independent: the request pipeline runs it for the plugin process and for the agent alike.
 */
public final class NetModulesEndpoint implements ProtocolEndpoint {
  private static final System.Logger LOG = System.getLogger(NetModulesEndpoint.class.getName());

  private final Map<String, Provider<CommandHandler>> handlers;
  private final Configuration configuration;
  private final RequestDecoder decoder = new RequestDecoder();

  @Inject
  NetModulesEndpoint(Map<String, Provider<CommandHandler>> handlers, Configuration configuration) {
    this.handlers = handlers;
    this.configuration = configuration;
  }

  /** As {@link #handle(PluginRequest, RequestLog, RequestGate)}, for callers that log no request line and pass no gate. */
  public PluginResponse handle(byte[] request) {
    return handle(PluginRequest.of(new NetModulesProtocol(), Map.of(), request), RequestLog.start(), RequestGate.OPEN);
  }

  /**
   * Never throws: every failure, expected or not, becomes {@code {"error": "..."}}. Records the request's
   * validated command and identifiers in {@code requestLog}, whose line the pipeline writes once the response
   * is out; an unexpected failure's stack trace is logged here, at ERROR.
   */
  @Override
  public PluginResponse handle(PluginRequest request, RequestLog requestLog, RequestGate gate) {
    String command = "?";
    try {
      ObjectNode root = decoder.decode(request.stdin());
      command = commandName(root);
      CommandHandler handler = handlerFor(command);
      requestLog.command(command);
      RequestArgs args = new RequestArgs(command, argsOf(root));
      args.identify(requestLog);
      String name = command;
      return JsonResponses.success(gate.pass(name, () -> handler.handle(args)));
    } catch (Throwable failure) {
      // Catching Throwable on purpose: an Error must still produce the JSON the isolator waits for.
      requestLog.failure(failure);
      if (!(failure instanceof CalicoMesosException)) {
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in a " + Excerpt.of(command) + " request", failure);
      }
      return JsonResponses.error(ErrorSentences.describe(failure, configuration.log().file().toString()));
    }
  }

  private static String commandName(ObjectNode root) {
    JsonNode command = root.get("command");
    if (command == null || command.isNull()) {
      throw new InvalidRequestException("request is missing command");
    }
    if (!command.isTextual()) {
      throw new InvalidRequestException("command must be a string, got " + JsonKind.of(command));
    }
    return command.textValue();
  }

  private static ObjectNode argsOf(ObjectNode root) {
    JsonNode args = root.get("args");
    if (args == null || args.isNull()) {
      throw new InvalidRequestException("request is missing args");
    }
    if (!args.isObject()) {
      throw new InvalidRequestException("args must be an object, got " + JsonKind.of(args));
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
}
