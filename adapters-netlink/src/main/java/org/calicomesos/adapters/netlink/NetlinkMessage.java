package org.calicomesos.adapters.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/** One message the kernel sent: its header fields and its payload (the family header, then attributes). */
record NetlinkMessage(int type, int flags, int sequence, ByteBuffer payload) {
  static final int NLMSG_ERROR = 2;
  static final int NLMSG_DONE = 3;
  /** A dump changed while it was read: its contents may be inconsistent, so it is read again. */
  static final int NLM_F_DUMP_INTR = 0x10;
  private static final int NLA_TYPE_MASK = 0x3fff; // without NLA_F_NESTED and NLA_F_NET_BYTEORDER

  /** Attributes that follow a family header of {@code headerLength} bytes, by type; last one wins. */
  Map<Integer, ByteBuffer> attributes(int headerLength) {
    return attributesOf(payload, headerLength);
  }

  static Map<Integer, ByteBuffer> attributesOf(ByteBuffer region, int start) {
    Map<Integer, ByteBuffer> attributes = new HashMap<>();
    int position = start;
    while (position + 4 <= region.limit()) {
      int length = Short.toUnsignedInt(region.getShort(position));
      int type = Short.toUnsignedInt(region.getShort(position + 2)) & NLA_TYPE_MASK;
      if (length < 4 || position + length > region.limit()) {
        break;
      }
      ByteBuffer value = region.duplicate().order(ByteOrder.nativeOrder());
      value.position(position + 4).limit(position + length);
      attributes.put(type, value.slice().order(ByteOrder.nativeOrder()));
      position += (length + 3) & ~3;
    }
    return attributes;
  }

  static byte[] bytes(ByteBuffer attribute) {
    byte[] bytes = new byte[attribute.remaining()];
    attribute.duplicate().get(bytes);
    return bytes;
  }

  static String string(ByteBuffer attribute) {
    byte[] bytes = bytes(attribute);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
  }

  static int u32(ByteBuffer attribute) {
    return attribute.getInt(0);
  }
}
