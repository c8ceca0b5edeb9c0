package org.calicomesos.app.pipeline;

/**
 * A protocol refuses a request before anything is built for it (e.g. a CNI network configuration that does not
 * parse), with the response it answers in its own error form.
 */
public final class RequestRefusedException extends RuntimeException {
  private final transient PluginResponse response;

  public RequestRefusedException(PluginResponse response) {
    super(response.error(), null, false, false);
    this.response = response;
  }

  public PluginResponse response() {
    return response;
  }
}
