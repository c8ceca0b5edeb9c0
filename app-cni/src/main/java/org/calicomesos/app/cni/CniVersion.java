package org.calicomesos.app.cni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CNI spec versions this plugin speaks, oldest first, and which result form each reads: 0.1.0 and 0.2.0 the
 * {@code ip4}/{@code ip6} form (the only one Mesos reads), 0.3.0 to 0.4.0 {@code interfaces}/{@code ips} with a
 * {@code version} per address, 1.0.0 on the same without it.
 */
enum CniVersion {
  V0_1_0("0.1.0"),
  V0_2_0("0.2.0"),
  V0_3_0("0.3.0"),
  V0_3_1("0.3.1"),
  V0_4_0("0.4.0"),
  V1_0_0("1.0.0"),
  V1_1_0("1.1.0");

  /** What a response says when the request named no version it supports. */
  static final CniVersion LATEST = V1_1_0;

  private final String text;

  CniVersion(String text) {
    this.text = text;
  }

  static Optional<CniVersion> of(String text) {
    for (CniVersion version : values()) {
      if (version.text.equals(text)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The highest of {@code texts} that is supported (a conflist's {@code cniVersions}). */
  static Optional<CniVersion> highestOf(List<String> texts) {
    Optional<CniVersion> highest = Optional.empty();
    for (String text : texts) {
      Optional<CniVersion> version = of(text);
      if (version.isPresent() && (highest.isEmpty() || version.get().compareTo(highest.get()) > 0)) {
        highest = version;
      }
    }
    return highest;
  }

  static List<String> supported() {
    List<String> texts = new ArrayList<>();
    for (CniVersion version : values()) {
      texts.add(version.text);
    }
    return texts;
  }

  /** The {@code ip4}/{@code ip6} result form of 0.1.0 and 0.2.0. */
  boolean legacyResult() {
    return compareTo(V0_3_0) < 0;
  }

  /** Whether an address in a result carries {@code "version"} (0.3.0 to 0.4.0). */
  boolean addressVersionField() {
    return !legacyResult() && compareTo(V1_0_0) < 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
