package org.calicomesos.ports.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A workload endpoint's id: 32 lowercase hex characters, like Calico's uuid-hex ids. Ours is derived from the
 * container id (the first half of its SHA-256), so every step — and a cleanup after a kill at any point — finds
 * the same endpoint key and the same {@code cali} interface name without having to read anything first.
 */
public record EndpointId(String value) {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

  public EndpointId {
    if (value == null || !HEX32.matcher(value).matches()) {
      throw new InvalidRequestException("endpoint id '" + Excerpt.of(String.valueOf(value)) + "' must be 32 lowercase hex characters");
    }
  }

  public static EndpointId of(ContainerId container) {
    return digest(container.value());
  }

  /**
   * A CNI attachment's id: the same digest over the three names joined by NUL, which none of them holds, so no two
   * attachments (and no net-modules container) share an id.
   */
  public static EndpointId ofAttachment(NetworkName network, ContainerId container, String ifname) {
    return digest(network.value() + '\0' + container.value() + '\0' + ifname);
  }

  private static EndpointId digest(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return new EndpointId(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The host-side interface: {@code cali} and the first 11 hex characters (15 in all, the kernel's limit). */
  public String hostInterfaceName() {
    return "cali" + value.substring(0, 11);
  }

  /** Whether {@code name} has the form {@link #hostInterfaceName()} gives: one of ours, not another program's. */
  public static boolean isHostInterfaceName(String name) {
    return name.length() == 15 && name.startsWith("cali") && name.substring(4).chars()
        .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EndpointId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
