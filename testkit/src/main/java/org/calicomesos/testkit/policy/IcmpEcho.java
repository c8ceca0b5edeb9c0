package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * One ICMP (or ICMPv6) echo request from inside a container, from one of its addresses, and whether the echo reply
 * came back within a second: a raw socket in python3, since the test host has no ping. Shaped as a {@link Probes}
 * probe for {@link Expectations}: the sender's address when answered, else empty.
 */
public final class IcmpEcho {
  private static final String SCRIPT = """
      import os, socket, struct, sys, time
      src, dst = sys.argv[1], sys.argv[2]
      v6 = ':' in dst
      s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_RAW,
                        socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP)
      s.bind((src, 0))
      ident = os.getpid() & 0xffff
      packet = struct.pack('!BBHHH', 128 if v6 else 8, 0, 0, ident, 1) + b'probe!'  # even: 16-bit words
      if not v6:  # the kernel sums ICMPv6 itself
          total = sum(struct.unpack('!%dH' % (len(packet) // 2), packet))
          while total >> 16:
              total = (total & 0xffff) + (total >> 16)
          packet = packet[:2] + struct.pack('!H', ~total & 0xffff) + packet[4:]
      s.sendto(packet, (dst, 0))
      deadline = time.time() + 1
      while time.time() < deadline:
          s.settimeout(max(0.01, deadline - time.time()))
          try:
              data, peer = s.recvfrom(2048)
          except socket.timeout:
              break
          icmp = data if v6 else data[(data[0] & 0x0f) * 4:]
          if icmp[0] == (129 if v6 else 0) and struct.unpack('!H', icmp[4:6])[0] == ident:
              sys.exit(0)
      sys.exit(1)
      """;

  private IcmpEcho() {}

  public static Optional<IPAddress> ping(NetnsContainer from, IPAddress source, IPAddress to) {
    KernelCommand.Result result = from.attempt("python3", "-c", SCRIPT, source.toCanonicalString(),
        to.toCanonicalString());
    return result.succeeded() ? Optional.of(source.withoutPrefixLength()) : Optional.empty();
  }
}
