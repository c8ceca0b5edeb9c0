package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.mac.MACAddress;
import inet.ipaddr.MACAddressString;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * Plans shaped as core makes them (DESIGN.md §7), with names and addresses of one test run: host ends
 * {@code ntst<run><n>}, container addresses in 198.18.0.0/15 and fd00:c0de::/64, so nothing real is touched.
 */
final class TestPlans {
  final String run;
  final int runByte;

  TestPlans() {
    SecureRandom random = new SecureRandom();
    runByte = random.nextInt(256);
    run = String.format("%02x%02x", runByte, random.nextInt(256));
  }

  String prefix() {
    return "ntst" + run;
  }

  InterfaceName hostInterface(int n) {
    return new InterfaceName(prefix() + String.format("%02x", n));
  }

  MACAddress hostMac(int n) {
    return new MACAddressString(String.format("ee:ee:%s:%s:00:%02x", run.substring(0, 2), run.substring(2), n))
        .getAddress();
  }

  IPAddress ipv4(int n) {
    return ip("198.18." + runByte + "." + n + "/32");
  }

  IPAddress ipv6(int n) {
    return ip("fd00:c0de::" + run + ":" + Integer.toHexString(n) + "/128");
  }

  IPAddress ipv4Block() {
    return ip("198.19." + runByte + ".0/26");
  }

  IPAddress ipv6Block() {
    return ip("fd00:c0de::" + run + ":0/122");
  }

  VethPlan ipv4Plan(int n, NetworkNamespace namespace) {
    return plan(n, namespace, false);
  }

  VethPlan dualStackPlan(int n, NetworkNamespace namespace) {
    return plan(n, namespace, true);
  }

  private VethPlan plan(int n, NetworkNamespace namespace, boolean withIpv6) {
    InterfaceName host = hostInterface(n);
    List<IPAddress> addresses = new ArrayList<>(List.of(ipv4(n)));
    List<Route> routes = new ArrayList<>(List.of(
        Route.onLink(ip("169.254.1.1/32")), Route.via(ip("0.0.0.0/0"), ip("169.254.1.1"))));
    List<IPAddress> hostRoutes = new ArrayList<>(List.of(ipv4(n)));
    List<Sysctl> sysctls = new ArrayList<>(List.of(
        new Sysctl("net/ipv4/conf/" + host + "/proxy_arp", "1"),
        new Sysctl("net/ipv4/neigh/" + host + "/proxy_delay", "0"),
        new Sysctl("net/ipv4/conf/" + host + "/forwarding", "1")));
    if (withIpv6) {
      addresses.add(ipv6(n));
      routes.add(Route.via(ip("::/0"), linkLocal(hostMac(n))));
      hostRoutes.add(ipv6(n));
      sysctls.add(new Sysctl("net/ipv6/conf/" + host + "/accept_dad", "0"));
      sysctls.add(new Sysctl("net/ipv6/conf/" + host + "/proxy_ndp", "1"));
      sysctls.add(new Sysctl("net/ipv6/conf/" + host + "/forwarding", "1"));
    }
    return new VethPlan(host, hostMac(n), namespace, new InterfaceName("eth0"), 1450, addresses, routes, hostRoutes,
        sysctls);
  }

  /** The host end's EUI-64 link-local address, the container's IPv6 gateway. */
  static IPAddress linkLocal(MACAddress mac) {
    byte[] m = mac.getBytes();
    return ip(String.format("fe80::%02x%02x:%02xff:fe%02x:%02x%02x",
        (m[0] ^ 0x02) & 0xff, m[1] & 0xff, m[2] & 0xff, m[3] & 0xff, m[4] & 0xff, m[5] & 0xff));
  }

  static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }

  /** Removes whatever this run left in the kernel: its interfaces (and with them their routes), its blackholes. */
  void cleanUp() {
    for (String line : Shell.ok("ip", "-o", "link", "show").split("\n")) {
      String[] fields = line.split(":\\s+");
      if (fields.length > 1) {
        String name = fields[1].split("@")[0];
        if (name.startsWith(prefix())) {
          Shell.run("ip", "link", "del", name);
        }
      }
    }
    Shell.run("ip", "route", "del", "blackhole", ipv4Block().toCanonicalString());
    Shell.run("ip", "-6", "route", "del", "blackhole", ipv6Block().toCanonicalString());
  }
}
