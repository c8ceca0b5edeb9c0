package org.calicomesos.app.plugin;

import java.nio.charset.StandardCharsets;

/**
 * The one JSON object (with its newline) to write back, whether the request succeeded (exit 0 or 1), and the
 * error sentence the object carries ({@code null} on success), for the request's log line.
 */
public record PluginResponse(byte[] body, boolean success, String error) {
  public PluginResponse {
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
