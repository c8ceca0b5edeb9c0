package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.FailureKind;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;

/**
 * The net-modules protocol as the request pipeline sees it (docs/net-modules-protocol.md): one JSON request on
 * stdin, one JSON object on stdout whose {@code error} is null on success, exit status 0 or 1.
 */
public final class NetModulesProtocol implements PluginProtocol {
  /** The name requests are routed by, on the agent's wire too. */
  public static final String NAME = "net-modules";
  /** Real requests are a few hundred bytes; 1 MiB leaves room for any label set Mesos allows. */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int maxRequestBytes() {
    return MAX_REQUEST_BYTES;
  }

  /** One {@code {"error": …}}; a deadline's also says where the addresses an allocate took went. */
  @Override
  public PluginResponse error(PluginRequest request, FailureKind kind, String sentence) {
    if (kind == FailureKind.DEADLINE) {
      return JsonResponses.error(sentence + ", and addresses an allocate or reserve may have assigned stay with its"
          + " uid ('calico-mesos ipam release --uid UID' frees them)");
    }
    return JsonResponses.error(sentence);
  }
}
