package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.ipam.BlockUsage;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.IpamOverview;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.junit.jupiter.api.Test;

/** The ipam commands' parsing, rendering and exit codes, over fakes of their use cases. */
class IpamCommandsTest {
  private static final Pool POOL = new Pool(Addresses.parseCidr("test", "10.0.0.0/16"), 26, false);
  private static final IpamOverview OVERVIEW = new IpamOverview(
      List.of(new PoolUsage(POOL, BigInteger.valueOf(65536), 5, 2)),
      List.of(
          new BlockUsage(cidr("10.0.0.128/26"), Optional.of(new NodeName("node-b")), 64, 1),
          new BlockUsage(cidr("10.0.0.64/26"), Optional.of(new NodeName("node-a")), 64, 4),
          new BlockUsage(cidr("10.0.1.0/26"), Optional.empty(), 64, 0)));

  private final List<ReleaseCommand> releases = new ArrayList<>();
  private final List<Optional<NodeName>> shown = new ArrayList<>();
  private final FixedAdminUseCases services = FixedAdminUseCases.unreachable()
      .withRelease(command -> {
        releases.add(command);
        return new ReleaseResult(List.of(address("10.0.0.65"), address("10.0.0.66")), List.of(address("10.0.0.67")));
      })
      .withOverview(host -> {
        shown.add(host);
        return OVERVIEW;
      });

  @Test
  void release_takes_repeated_and_comma_separated_addresses_in_order() {
    AdminRun run = AdminRun.of(services, "ipam", "release", "--ip", "10.0.0.65,10.0.0.66", "--ip=10.0.0.67", "--ip", "10.0.0.65");

    assertThat(run.status()).isZero();
    assertThat(releases).containsExactly(
        new ReleaseCommand.ByAddresses(List.of(address("10.0.0.65"), address("10.0.0.66"), address("10.0.0.67"))));
    assertThat(run.out()).isEqualTo("""
        ADDRESS    RESULT
        10.0.0.65  released
        10.0.0.66  released
        10.0.0.67  already free
        """);
  }

  @Test
  void release_by_uid_releases_the_handle() {
    AdminRun run = AdminRun.of(services, "ipam", "release", "--uid", "0f4c-uid", "-o", "json");

    assertThat(releases).containsExactly(new ReleaseCommand.ByHandle(new HandleId("0f4c-uid")));
    assertThat(run.out()).isEqualTo("""
        {
          "released" : [ "10.0.0.65", "10.0.0.66" ],
          "already_free" : [ "10.0.0.67" ]
        }
        """);
  }

  @Test
  void release_of_nothing_says_so() {
    AdminRun run = AdminRun.of(services.withRelease(command -> new ReleaseResult(List.of(), List.of())),
        "ipam", "release", "--uid", "gone");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("nothing to release\n");
  }

  @Test
  void show_prints_pools_then_blocks_in_address_order() {
    AdminRun run = AdminRun.of(services, "ipam", "show");

    assertThat(shown).containsExactly(Optional.empty());
    assertThat(run.out()).isEqualTo("""
        CIDR         FAMILY  BLOCK SIZE  STRICT AFFINITY  ENCAPSULATION  NAT OUT  CAPACITY  USED   FREE  BLOCKS
        10.0.0.0/16  IPv4    /26         no               none           no          65536     5  65531       2

        BLOCK          AFFINITY  SIZE  USED  FREE
        10.0.0.64/26   node-a      64     4    60
        10.0.0.128/26  node-b      64     1    63
        10.0.1.0/26    -           64     0    64
        """);
  }

  @Test
  void show_for_a_host_passes_the_node_and_prints_json() {
    AdminRun run = AdminRun.of(services.withOverview(host -> {
      shown.add(host);
      return new IpamOverview(OVERVIEW.pools(), OVERVIEW.blocks().subList(1, 2));
    }), "ipam", "show", "--host", "node-a", "-o", "json");

    assertThat(shown).containsExactly(Optional.of(new NodeName("node-a")));
    assertThat(run.out()).isEqualTo("""
        {
          "host" : "node-a",
          "pools" : [ {
            "cidr" : "10.0.0.0/16",
            "family" : "ipv4",
            "block_size" : 26,
            "strict_affinity" : false,
            "encapsulation" : "none",
            "nat_outgoing" : false,
            "capacity" : 65536,
            "used" : 5,
            "free" : 65531,
            "block_count" : 2
          } ],
          "blocks" : [ {
            "cidr" : "10.0.0.64/26",
            "affinity" : "node-a",
            "size" : 64,
            "used" : 4,
            "free" : 60
          } ]
        }
        """);
  }

  @Test
  void show_for_a_host_without_blocks_says_so() {
    AdminRun run = AdminRun.of(services.withOverview(host -> new IpamOverview(OVERVIEW.pools(), List.of())),
        "ipam", "show", "--host", "node-c");

    assertThat(run.out()).endsWith("\nno blocks are affine to host node-c\n");
  }

  @Test
  void a_clean_check_exits_0() {
    AdminRun run = AdminRun.of(services.withCheck(() -> new IpamCheckReport(1, 2, 3, 5, List.of())), "ipam", "check");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("""
        checked test store: 1 pool, 2 blocks, 3 handles, 5 assigned addresses
        no problems found
        """);
  }

  @Test
  void a_check_with_problems_prints_them_and_exits_1() {
    IpamCheckReport report = new IpamCheckReport(1, 2, 3, 5, List.of(
        new IpamProblem(IpamProblem.Kind.HANDLE_MISMATCH, "uid-7", "handle counts 2 addresses in 10.0.0.64/26; the block has 1"),
        new IpamProblem(IpamProblem.Kind.OUTSIDE_POOLS, "10.9.0.0/26", "block lies in no pool")));

    AdminRun table = AdminRun.of(services.withCheck(() -> report), "ipam", "check");
    AdminRun json = AdminRun.of(services.withCheck(() -> report), "ipam", "check", "-o", "json");

    assertThat(table.status()).isEqualTo(1);
    assertThat(table.err()).isEmpty();
    assertThat(table.out()).isEqualTo("""
        checked test store: 1 pool, 2 blocks, 3 handles, 5 assigned addresses
        PROBLEM          SUBJECT      DETAIL
        handle_mismatch  uid-7        handle counts 2 addresses in 10.0.0.64/26; the block has 1
        outside_pools    10.9.0.0/26  block lies in no pool
        2 problems found
        """);
    assertThat(json.status()).isEqualTo(1);
    assertThat(json.out()).isEqualTo("""
        {
          "datastore" : "test store",
          "pools" : 1,
          "blocks" : 2,
          "handles" : 3,
          "allocated" : 5,
          "clean" : false,
          "problems" : [ {
            "kind" : "handle_mismatch",
            "subject" : "uid-7",
            "detail" : "handle counts 2 addresses in 10.0.0.64/26; the block has 1"
          }, {
            "kind" : "outside_pools",
            "subject" : "10.9.0.0/26",
            "detail" : "block lies in no pool"
          } ]
        }
        """);
  }

  @Test
  void the_services_are_built_once_per_run() {
    AdminRun run = AdminRun.of(services.withCheck(() -> new IpamCheckReport(0, 0, 0, 0, List.of())), "ipam", "check");

    assertThat(run.servicesBuilt()).isEqualTo(1);
  }

  private static IPAddress cidr(String text) {
    return Addresses.parseCidr("test", text);
  }

  private static IPAddress address(String text) {
    return Addresses.parseAnyAddress("test", text);
  }
}
