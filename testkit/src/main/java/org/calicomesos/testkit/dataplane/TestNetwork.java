package org.calicomesos.testkit.dataplane;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.dataplane.InterfaceName;

/**
 * What one test creates on the host, so that all of it goes away afterwards even if the test fails: interfaces
 * named {@code ctst} + 8 random hex digits (or {@code cali} + 11 where a test needs Calico's names), addresses from the benchmark range 198.18.0.0/15 and the ULA
 * fd00:c0de::/32, containers, and blackhole routes. Only what this test named is removed, so suites of two
 * adapters can run side by side on one host.
 */
public final class TestNetwork implements AutoCloseable {
  public static final String INTERFACE_PREFIX = "ctst";

  private final List<NetnsContainer> containers = new ArrayList<>();
  private final List<String> interfaces = new ArrayList<>();
  private final List<String> blackholes = new ArrayList<>();

  /** A fresh interface name nobody uses; removed at the end of the test if something created it. */
  public InterfaceName interfaceName() {
    return interfaceName(INTERFACE_PREFIX);
  }

  /** As {@link #interfaceName()}, starting with {@code prefix} (at most 7 characters) instead. */
  public synchronized InterfaceName interfaceName(String prefix) {
    String name = prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    interfaces.add(name);
    return new InterfaceName(name);
  }

  /**
   * A fresh host-side name in Calico's style, {@code cali} + 11 random hex digits, for tests whose subject matches
   * {@code cali*} (policy); removed at the end of the test if something created it.
   */
  public synchronized InterfaceName workloadInterfaceName() {
    String name = "cali" + String.format("%011x", ThreadLocalRandom.current().nextLong(1L << 44));
    interfaces.add(name);
    return new InterfaceName(name);
  }

  /** A random 198.18.0.0/15 address with prefix length 32. */
  public IPAddress ipv4() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return address("198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254))
        + "/32");
  }

  /** A random fd00:c0de::/32 address with prefix length 128. */
  public IPAddress ipv6() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return address(String.format("fd00:c0de:%x::%x:%x/128", random.nextInt(1, 0x10000), random.nextInt(0x10000),
        random.nextInt(1, 0x10000)));
  }

  /** A random /26 of 198.18.0.0/15, for a blackhole; removed at the end of the test. */
  public synchronized IPAddress ipv4Block() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String cidr = "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (64 * random.nextInt(4)) + "/26";
    blackholes.add(cidr);
    return address(cidr);
  }

  /** A random /64 of fd00:c0de::/32, for a blackhole; removed at the end of the test. */
  public synchronized IPAddress ipv6Block() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String cidr = String.format("fd00:c0de:%x:%x::/64", random.nextInt(1, 0x10000), random.nextInt(1, 0x10000));
    blackholes.add(cidr);
    return address(cidr);
  }

  /** A new container, killed at the end of the test. */
  public NetnsContainer container() {
    NetnsContainer container = NetnsContainer.start();
    synchronized (this) {
      containers.add(container);
    }
    return container;
  }

  /**
   * A host interface the test owns (a veth whose peer {@code <name>p} stays on the host too), up, so it can carry
   * routes and addresses; our dataplane never created it.
   */
  public InterfaceName foreignInterface() {
    InterfaceName name = interfaceName();
    KernelCommand.run("ip", "link", "add", name.value(), "type", "veth", "peer", "name", name.value() + "p");
    KernelCommand.run("ip", "link", "set", name.value(), "up");
    KernelCommand.run("ip", "link", "set", name.value() + "p", "up");
    return name;
  }

  public static IPAddress address(String text) {
    return new IPAddressString(text).getAddress();
  }

  @Override
  public synchronized void close() {
    containers.forEach(NetnsContainer::close);
    containers.clear();
    // Deleting an interface deletes its veth peer and every route through it.
    interfaces.forEach(name -> KernelCommand.attempt("ip", "link", "del", name));
    interfaces.clear();
    for (String cidr : blackholes) {
      while (KernelCommand.attempt("ip", "route", "del", "blackhole", cidr).succeeded()) {
        // one per protocol the test may have added
      }
    }
    blackholes.clear();
  }
}
