package org.calicomesos.ports.routing.bgp;

/** No speaker answers on its control socket, so there is no session state to report. */
public class BgpSpeakerNotRunningException extends BgpSpeakerException {
  public BgpSpeakerNotRunningException(String message) {
    super(message);
  }
}
