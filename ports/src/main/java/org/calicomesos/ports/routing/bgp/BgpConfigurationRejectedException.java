package org.calicomesos.ports.routing.bgp;

/**
 * The speaker refused a configuration, e.g. BIRD's "line 8: Link-local addresses require defined interface".
 * The configuration in force before, and its file, are left as they were.
 */
public class BgpConfigurationRejectedException extends BgpSpeakerException {
  public BgpConfigurationRejectedException(String message) {
    super(message);
  }
}
