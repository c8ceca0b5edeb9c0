package org.calicomesos.adapters.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one netlink request by hand: the nlmsghdr, the family header (ifinfomsg, ifaddrmsg, rtmsg) field by
 * field, then attributes, each padded to 4 bytes; nested attributes get their length when closed.
 * Native byte order throughout, as rtnetlink expects.
 */
final class MessageBuilder {
  static final int HEADER_LENGTH = 16;
  private static final int CAPACITY = 4096; // a veth request with both ends is about 150 bytes

  private final ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY).order(ByteOrder.nativeOrder());
  private final Deque<Integer> openNests = new ArrayDeque<>();
  private final int type;

  MessageBuilder(int type, int flags) {
    this.type = type;
    buffer.putInt(0); // nlmsg_len, set by finish
    buffer.putShort((short) type);
    buffer.putShort((short) flags);
    buffer.putInt(0); // nlmsg_seq, set by finish
    buffer.putInt(0); // nlmsg_pid: the kernel fills in our port id
  }

  int type() {
    return type;
  }

  MessageBuilder u8(int value) {
    buffer.put((byte) value);
    return this;
  }

  MessageBuilder u16(int value) {
    buffer.putShort((short) value);
    return this;
  }

  MessageBuilder u32(int value) {
    buffer.putInt(value);
    return this;
  }

  MessageBuilder attribute(int attributeType, byte[] value) {
    align();
    buffer.putShort((short) (4 + value.length));
    buffer.putShort((short) attributeType);
    buffer.put(value);
    align();
    return this;
  }

  MessageBuilder attributeU32(int attributeType, int value) {
    align();
    buffer.putShort((short) 8);
    buffer.putShort((short) attributeType);
    buffer.putInt(value);
    return this;
  }

  /** A C string attribute (IFLA_IFNAME, IFLA_INFO_KIND): the kernel wants the terminating NUL. */
  MessageBuilder attributeString(int attributeType, String value) {
    byte[] text = value.getBytes(StandardCharsets.US_ASCII);
    byte[] terminated = new byte[text.length + 1];
    System.arraycopy(text, 0, terminated, 0, text.length);
    return attribute(attributeType, terminated);
  }

  /** Opens a nested attribute; everything written until {@link #endNested} is inside it. */
  MessageBuilder beginNested(int attributeType) {
    align();
    openNests.push(buffer.position());
    buffer.putShort((short) 0);
    buffer.putShort((short) attributeType);
    return this;
  }

  MessageBuilder endNested() {
    int start = openNests.pop();
    buffer.putShort(start, (short) (buffer.position() - start));
    align();
    return this;
  }

  /** The finished message for {@code sequence}, positioned at 0, limit at its length. */
  ByteBuffer finish(int extraFlags, int sequence) {
    if (!openNests.isEmpty()) {
      throw new IllegalStateException("nested attribute left open");
    }
    align();
    int length = buffer.position();
    buffer.putInt(0, length);
    buffer.putShort(6, (short) (buffer.getShort(6) | extraFlags));
    buffer.putInt(8, sequence);
    ByteBuffer message = buffer.duplicate().order(ByteOrder.nativeOrder());
    message.position(0).limit(length);
    return message;
  }

  private void align() {
    while ((buffer.position() & 3) != 0) {
      buffer.put((byte) 0);
    }
  }
}
