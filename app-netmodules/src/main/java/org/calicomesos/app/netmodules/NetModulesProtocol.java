package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.PluginProtocol;
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

  @Override
  public PluginResponse error(String sentence) {
    return JsonResponses.error(sentence);
  }
}
