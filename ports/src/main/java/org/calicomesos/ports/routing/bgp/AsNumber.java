package org.calicomesos.ports.routing.bgp;

/**
 * A BGP autonomous system number, 4-octet (RFC 6793): 1 to 4294967295. A cluster's default is
 * {@link #CALICO_DEFAULT}, 64511 as in calico/node v0.x (docs/calico-model.md, "Routes between hosts"); that lies in
 * RFC 5398's documentation range, so a cluster peering with a real fabric sets a private one (64512-65534).
 */
public record AsNumber(long value) {
  public static final AsNumber CALICO_DEFAULT = new AsNumber(64511);
  private static final long MAX = 0xFFFF_FFFFL;

  public AsNumber {
    // 0 is reserved (RFC 7607) and no speaker accepts it as a neighbour's or its own AS.
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("an AS number must be between 1 and " + MAX + ", got " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
