package org.calicomesos.ports.model;

/**
 * Names the owner of a set of addresses: the net-modules {@code uid} of one container's addresses, or a CNI
 * attachment's {@code <network>:<container>:<ifname>} ({@link #ofAttachment}); a uid never holds ':', so the two
 * never meet.
 */
public record HandleId(String value) {
  public HandleId {
    if (value == null || value.indexOf(':') < 0) {
      Identifiers.require("uid", value, 128);
    } else {
      String[] parts = value.split(":", -1);
      if (parts.length != 3) {
        throw new InvalidRequestException("handle '" + Excerpt.of(value) + "' must be network:container:ifname");
      }
      Identifiers.require("handle network", parts[0], NetworkName.MAX_LENGTH);
      Identifiers.require("handle container", parts[1], 255);
      Identifiers.require("handle interface", parts[2], 15);
    }
  }

  /** A CNI attachment's handle, {@code <network>:<container>:<ifname>}, each part validated as its identifier. */
  public static HandleId ofAttachment(String value) {
    return new HandleId(value);
  }

  /** Whether this is a CNI attachment's handle rather than a net-modules uid. */
  public boolean isAttachment() {
    return value.indexOf(':') >= 0;
  }

  /** Whether this is an attachment's handle on {@code network}. */
  public boolean isAttachmentOf(NetworkName network) {
    return value.startsWith(network.value() + ":");
  }

  @Override
  public String toString() {
    return value;
  }

  // Written out on purpose: a record's generated equals/hashCode bootstraps through method handles,
  // ~8 ms in every cold plugin process, and identifiers are compared on every request.
  @Override
  public boolean equals(Object other) {
    return other instanceof HandleId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
