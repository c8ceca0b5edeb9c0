package org.calicomesos.adapters.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * One NETLINK_ROUTE socket, bound in the network namespace of the thread that opened it and used by one thread
 * at a time. Every request either asks for an acknowledgement or is a dump read to NLMSG_DONE, so each call
 * ends knowing whether the kernel did it; replies must carry the request's sequence number.
 */
final class NetlinkSocket implements AutoCloseable {
  static final int NLM_F_REQUEST = 0x1;
  static final int NLM_F_ACK = 0x4;
  static final int NLM_F_DUMP = 0x300;
  static final int NLM_F_CREATE = 0x400;
  static final int NLM_F_EXCL = 0x200;
  static final int NLM_F_REPLACE = 0x100;

  private static final int RECEIVE_CAPACITY = 64 * 1024; // a dump part is at most 32 KiB
  private static final int DUMP_ATTEMPTS = 5;

  private final int fd;
  private final ByteBuffer received = ByteBuffer.allocateDirect(RECEIVE_CAPACITY).order(ByteOrder.nativeOrder());
  private int sequence;
  private boolean closed;

  private NetlinkSocket(int fd) {
    this.fd = fd;
    this.sequence = (int) (System.nanoTime() & 0x3fffffff);
  }

  /** A socket in the calling thread's network namespace. */
  static NetlinkSocket open() {
    Libc libc = NativeLibc.libc();
    int fd = libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
    if (fd < 0) {
      throw new KernelRefusal("open a netlink socket", NativeLibc.errno());
    }
    // sockaddr_nl: family, padding, port id 0 (the kernel picks one), no multicast groups.
    ByteBuffer address = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
    address.putShort(0, (short) Libc.AF_NETLINK);
    if (libc.bind(fd, address, 12) < 0) {
      int errno = NativeLibc.errno();
      libc.close(fd);
      throw new KernelRefusal("bind a netlink socket", errno);
    }
    return new NetlinkSocket(fd);
  }

  /**
   * Sends {@code request} with NLM_F_ACK and returns the messages that came before the acknowledgement (the
   * answer to a GET; nothing for a change).
   *
   * @throws KernelRefusal "cannot {@code action}: {strerror}" if the kernel refused
   */
  List<NetlinkMessage> request(MessageBuilder request, String action) {
    int expected = send(request, NLM_F_REQUEST | NLM_F_ACK);
    List<NetlinkMessage> answers = new ArrayList<>();
    while (true) {
      for (NetlinkMessage message : receive(expected, action)) {
        if (message.type() == NetlinkMessage.NLMSG_ERROR) {
          int error = message.payload().getInt(0);
          if (error != 0) {
            throw new KernelRefusal(action, -error);
          }
          return answers;
        }
        answers.add(message);
      }
    }
  }

  /** Sends {@code request} as a dump and returns every part up to NLMSG_DONE; reread if the dump was interrupted. */
  List<NetlinkMessage> dump(MessageBuilder request, String action) {
    for (int attempt = 1; ; attempt++) {
      int expected = send(request, NLM_F_REQUEST | NLM_F_DUMP);
      List<NetlinkMessage> parts = new ArrayList<>();
      boolean interrupted = false;
      boolean done = false;
      while (!done) {
        for (NetlinkMessage message : receive(expected, action)) {
          interrupted |= (message.flags() & NetlinkMessage.NLM_F_DUMP_INTR) != 0;
          if (message.type() == NetlinkMessage.NLMSG_DONE) {
            int error = message.payload().remaining() >= 4 ? message.payload().getInt(0) : 0;
            if (error < 0) {
              throw new KernelRefusal(action, -error);
            }
            done = true;
            break;
          }
          if (message.type() == NetlinkMessage.NLMSG_ERROR) {
            int error = message.payload().getInt(0);
            if (error != 0) {
              throw new KernelRefusal(action, -error);
            }
            continue;
          }
          parts.add(message);
        }
      }
      if (!interrupted) {
        return parts;
      }
      if (attempt == DUMP_ATTEMPTS) {
        throw new DataplaneException("cannot " + action + ": the kernel's table kept changing while it was read");
      }
    }
  }

  private int send(MessageBuilder request, int flags) {
    int seq = ++sequence;
    ByteBuffer message = request.finish(flags, seq);
    Libc libc = NativeLibc.libc();
    while (true) {
      long sent = libc.send(fd, message, message.limit(), 0);
      if (sent >= 0) {
        return seq;
      }
      int errno = NativeLibc.errno();
      if (errno != Errno.EINTR) {
        throw new KernelRefusal("send a netlink request", errno);
      }
    }
  }

  private List<NetlinkMessage> receive(int expectedSequence, String action) {
    Libc libc = NativeLibc.libc();
    long length;
    while (true) {
      received.clear();
      length = libc.recv(fd, received, RECEIVE_CAPACITY, 0);
      if (length >= 0) {
        break;
      }
      int errno = NativeLibc.errno();
      if (errno != Errno.EINTR) {
        throw new KernelRefusal("read the kernel's answer to " + action, errno);
      }
    }
    List<NetlinkMessage> messages = new ArrayList<>();
    int position = 0;
    while (position + MessageBuilder.HEADER_LENGTH <= length) {
      int messageLength = received.getInt(position);
      if (messageLength < MessageBuilder.HEADER_LENGTH || position + messageLength > length) {
        throw new DataplaneException("cannot " + action + ": the kernel's answer was cut short");
      }
      int type = Short.toUnsignedInt(received.getShort(position + 4));
      int flags = Short.toUnsignedInt(received.getShort(position + 6));
      int seq = received.getInt(position + 8);
      if (seq != expectedSequence) {
        // One request at a time per socket, each read to its end: anything else is a stale or foreign message.
        throw new DataplaneException("cannot " + action + ": the kernel answered sequence " + seq
            + " while we waited for " + expectedSequence);
      }
      ByteBuffer payload = ByteBuffer.allocate(messageLength - MessageBuilder.HEADER_LENGTH)
          .order(ByteOrder.nativeOrder());
      ByteBuffer source = received.duplicate();
      source.position(position + MessageBuilder.HEADER_LENGTH).limit(position + messageLength);
      payload.put(source).flip();
      messages.add(new NetlinkMessage(type, flags, seq, payload));
      position += (messageLength + 3) & ~3;
    }
    return messages;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      NativeLibc.libc().close(fd);
    }
  }
}
