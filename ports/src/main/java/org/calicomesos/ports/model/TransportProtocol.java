package org.calicomesos.ports.model;

import java.util.Locale;

/** The transport protocol of a port mapping, written in lower case as CNI, Mesos and nftables all write it. */
public enum TransportProtocol {
  TCP,
  UDP,
  SCTP;

  /** {@code tcp}, {@code udp} or {@code sctp}, in any case. */
  public static TransportProtocol parse(String field, String text) {
    if (text != null) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "tcp":
          return TCP;
        case "udp":
          return UDP;
        case "sctp":
          return SCTP;
        default:
          break;
      }
    }
    throw new InvalidRequestException(field + " must be tcp, udp or sctp, got '" + Excerpt.of(String.valueOf(text))
        + "'");
  }

  /** {@code tcp}, {@code udp}, {@code sctp}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return keyword();
  }
}
