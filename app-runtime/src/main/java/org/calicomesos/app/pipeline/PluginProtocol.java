package org.calicomesos.app.pipeline;

import java.util.Map;

/**
 * A plugin protocol as the {@link RequestPipeline} sees it: the name a request names it by (on the agent's wire
 * too), the largest request it reads, and how it says an error. Everything that can fail before the protocol's
 * own endpoint runs (a refused configuration, an overrun deadline) is said in this form.
 */
public interface PluginProtocol {
  /** The name a request is routed by, e.g. {@code net-modules}. */
  String name();

  /** Stdin beyond this is refused, before anything runs. */
  int maxRequestBytes();

  /**
   * Whether this protocol reads {@code variable} from the caller's environment (beyond the configuration's), so
   * that the agent's wire carries it; net-modules reads none.
   */
  default boolean readsVariable(String variable) {
    return false;
  }

  /**
   * The environment the request's configuration (and log settings) are read from. Net-modules takes the
   * caller's as it is; CNI lays its network configuration's settings over it.
   *
   * @throws RequestRefusedException with the protocol's own error response, when the request cannot be read
   */
  default Map<String, String> configurationEnvironment(PluginRequest request) {
    return request.environment();
  }

  /**
   * The one response that carries {@code sentence} as this protocol's error for {@code request}, with its failing
   * exit status; {@code kind} says what failed, for protocols whose errors carry a code.
   */
  PluginResponse error(PluginRequest request, FailureKind kind, String sentence);
}
