package org.calicomesos.app.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * What a plugin request answers: the bytes for stdout (one object, with its newline), whether it succeeded
 * (exit status 0, else 1), and the error sentence it carries ({@code null} on success), for the request's log line.
 */
public record PluginResponse(byte[] body, boolean success, String error) {
  public PluginResponse {
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The plugin's exit status: 0 on success, 1 on any error. */
  public int exitStatus() {
    return success ? 0 : 1;
  }

  @Override
  public String toString() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
