package org.calicomesos.app.cni;

import dagger.Lazy;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;

/**
 * What both CNI plugins do around their own commands: read the request, record it in the log line, answer VERSION
 * and STATUS, and turn any failure into the error object. Never throws.
 */
final class CniRequestRunner {
  private final CniRequestReader reader;
  private final Configuration configuration;

  CniRequestRunner(CniRequestReader reader, Configuration configuration) {
    this.reader = reader;
    this.configuration = configuration;
  }

  /** @param commands the plugin's answer to ADD, DEL, CHECK and GC */
  PluginResponse handle(PluginRequest request, RequestLog requestLog, Lazy<NetworkReadinessUseCase> readiness,
      Function<CniRequest, PluginResponse> commands) {
    CniCommand command = null;
    try {
      CniRequest cni = reader.read(request.environment(), request.stdin());
      command = cni.command();
      CniRequestIdentity.record(cni, requestLog);
      if (cni instanceof CniRequest.Version) {
        return CniResponses.version(cni.version());
      }
      if (cni instanceof CniRequest.Status status) {
        readiness.get().ready(status.ipv4(), status.ipv6(), status.pools());
        return CniResponses.nothing();
      }
      return commands.apply(cni);
    } catch (Throwable failure) {
      // Catching Throwable on purpose: an Error must still produce the error object the runtime waits for.
      return CniFailures.answer(request.stdin(), command, failure, requestLog, configuration.log().file().toString());
    }
  }
}
