package org.calicomesos.app.plugin;

import java.nio.charset.StandardCharsets;

/** The one JSON object (with its newline) to write back, and whether the request succeeded (exit 0 or 1). */
public record PluginResponse(byte[] body, boolean success) {
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
