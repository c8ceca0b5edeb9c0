package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolInUseException;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.Addresses;
import org.junit.jupiter.api.Test;

/** The pool commands' parsing, rendering and error mapping, over a recording fake of {@link ManagePoolsUseCase}. */
class PoolCommandsTest {
  private static final Pool V4 = new Pool(cidr("10.0.0.0/16"), 26, false, Encapsulation.NONE, true);
  private static final Pool V6 = new Pool(cidr("fd80:24e2:f998:72d6::/64"), 122, true);
  private static final List<PoolUsage> USAGE = List.of(
      new PoolUsage(V4, BigInteger.valueOf(65536), 3, 1),
      new PoolUsage(V6, BigInteger.TWO.pow(64), 0, 0));

  private final RecordingPools pools = new RecordingPools();
  private final AdminUseCases services = FixedAdminUseCases.unreachable().withPools(pools);

  @Test
  void add_passes_the_parsed_cidr_block_size_and_affinity() {
    AdminRun run = AdminRun.of(services, "pool", "add", "10.0.0.0/16", "--block-size", "28", "--strict-affinity");

    assertThat(run.status()).isZero();
    assertThat(pools.added).containsExactly(new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.of(28), true));
    assertThat(run.out()).isEqualTo("added IPv4 pool 10.0.0.0/16 with /28 blocks (16 addresses each), strict affinity "
        + "on, encapsulation none, NAT outgoing off\n");
  }

  @Test
  void add_leaves_the_block_size_to_the_ipam_when_not_given() {
    AdminRun run = AdminRun.of(services, "pool", "add", "10.0.0.0/16", "-o", "json");

    assertThat(pools.added).containsExactly(new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false));
    assertThat(run.out()).isEqualTo("""
        {
          "added_pool" : {
            "cidr" : "10.0.0.0/16",
            "family" : "ipv4",
            "block_size" : 26,
            "strict_affinity" : false,
            "encapsulation" : "none",
            "nat_outgoing" : false
          }
        }
        """);
  }

  @Test
  void add_with_vxlan_asks_for_an_encapsulated_pool_and_an_ipv6_one_is_a_usage_error() {
    AdminRun run = AdminRun.of(services, "pool", "add", "10.0.0.0/16", "--vxlan");
    AdminRun ipv6 = AdminRun.of(services, "pool", "add", "fd00::/64", "--vxlan");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).endsWith(", encapsulation vxlan, NAT outgoing off\n");
    assertThat(ipv6.status()).isEqualTo(2);
    assertThat(ipv6.err()).startsWith("error: pool fd00::/64 cannot use VXLAN: only IPv4 pools are encapsulated");
    assertThat(pools.added).containsExactly(
        new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false, Encapsulation.VXLAN));
  }

  @Test
  void encapsulation_sets_one_pools_and_refuses_a_word_it_does_not_know() {
    AdminRun run = AdminRun.of(services, "pool", "encapsulation", "10.0.0.0/16", "vxlan");
    AdminRun wrong = AdminRun.of(services, "pool", "encapsulation", "10.0.0.0/16", "ipip");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("pool 10.0.0.0/16: encapsulation vxlan\n");
    assertThat(pools.encapsulated).containsExactly(cidr("10.0.0.0/16") + " vxlan");
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err()).startsWith("error: encapsulation 'ipip' is not one of none, vxlan\n");
  }

  @Test
  void add_with_nat_outgoing_asks_for_a_masquerading_pool() {
    AdminRun run = AdminRun.of(services, "pool", "add", "10.0.0.0/16", "--nat-outgoing");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).endsWith(", encapsulation none, NAT outgoing on\n");
    assertThat(pools.added).containsExactly(
        new AddPoolCommand(cidr("10.0.0.0/16"), OptionalInt.empty(), false, Encapsulation.NONE, true));
  }

  @Test
  void nat_outgoing_turns_one_pools_on_or_off_and_refuses_another_word_before_asking() {
    AdminRun on = AdminRun.of(services, "pool", "nat-outgoing", "10.0.0.0/16", "on");
    AdminRun off = AdminRun.of(services, "pool", "nat-outgoing", "10.0.0.0/16", "off", "-o", "json");
    AdminRun wrong = AdminRun.of(services, "pool", "nat-outgoing", "10.0.0.0/16", "yes");

    assertThat(on.status()).as(on.err()).isZero();
    assertThat(on.out()).isEqualTo("pool 10.0.0.0/16: NAT outgoing on\n");
    assertThat(off.out()).contains("\"nat_outgoing\" : false");
    assertThat(pools.natOutgoing).containsExactly(cidr("10.0.0.0/16") + " true", cidr("10.0.0.0/16") + " false");
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err().lines()).containsExactly("error: SETTING 'yes' is not one of on, off",
        "Try 'calico-mesos pool nat-outgoing --help' for more information.");
  }

  @Test
  void list_prints_an_aligned_table() {
    AdminRun run = AdminRun.of(services, "pool", "list");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("""
        CIDR                      FAMILY  BLOCK SIZE  STRICT AFFINITY  ENCAPSULATION  NAT OUT              CAPACITY  USED                  FREE  BLOCKS
        10.0.0.0/16               IPv4    /26         no               none           yes                     65536     3                 65533       1
        fd80:24e2:f998:72d6::/64  IPv6    /122        yes              none           no       18446744073709551616     0  18446744073709551616       0
        """);
  }

  @Test
  void list_prints_one_json_document_with_exact_numbers() {
    AdminRun run = AdminRun.of(services, "pool", "list", "--output", "JSON");

    assertThat(run.out()).isEqualTo("""
        {
          "pools" : [ {
            "cidr" : "10.0.0.0/16",
            "family" : "ipv4",
            "block_size" : 26,
            "strict_affinity" : false,
            "encapsulation" : "none",
            "nat_outgoing" : true,
            "capacity" : 65536,
            "used" : 3,
            "free" : 65533,
            "block_count" : 1
          }, {
            "cidr" : "fd80:24e2:f998:72d6::/64",
            "family" : "ipv6",
            "block_size" : 122,
            "strict_affinity" : true,
            "encapsulation" : "none",
            "nat_outgoing" : false,
            "capacity" : 18446744073709551616,
            "used" : 0,
            "free" : 18446744073709551616,
            "block_count" : 0
          } ]
        }
        """);
  }

  @Test
  void list_without_pools_says_how_to_add_one() {
    pools.usage = List.of();

    assertThat(AdminRun.of(services, "pool", "list").out())
        .isEqualTo("no IP pools; add one with 'calico-mesos pool add CIDR'\n");
    assertThat(AdminRun.of(services, "pool", "list", "-o", "json").out()).isEqualTo("{\n  \"pools\" : [ ]\n}\n");
  }

  @Test
  void remove_passes_the_canonical_cidr() {
    AdminRun run = AdminRun.of(services, "pool", "remove", "fd80:24e2:f998:72d6:0:0:0:0/64", "-o", "json");

    assertThat(pools.removed).containsExactly(cidr("fd80:24e2:f998:72d6::/64"));
    assertThat(run.out()).isEqualTo("{\n  \"removed_pool\" : \"fd80:24e2:f998:72d6::/64\"\n}\n");
  }

  @Test
  void a_refusal_of_the_ipam_exits_1_with_its_message_on_one_line() {
    pools.refusal = new PoolInUseException(V4, 3);

    AdminRun run = AdminRun.of(services, "pool", "remove", "10.0.0.0/16");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: pool 10.0.0.0/16 still has 3 assigned addresses; release them first\n");
  }

  @Test
  void an_unreachable_datastore_exits_1_naming_it() {
    AdminRun run = AdminRun.of(() -> {
      throw new DatastoreUnavailableException("etcd at https://10.0.0.1:2379", "connection refused", null);
    }, "pool", "list");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: cannot reach etcd at https://10.0.0.1:2379: connection refused\n");
  }

  @Test
  void a_bug_exits_1_with_its_stack_trace() {
    pools.refusal = new IllegalStateException("block ordinal out of range");

    AdminRun run = AdminRun.of(services, "pool", "list");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: unexpected failure: java.lang.IllegalStateException: block ordinal out of range\n")
        .contains("\tat ");
  }

  private static IPAddress cidr(String text) {
    return Addresses.parseCidr("test", text);
  }

  /** Records what the commands asked for; answers with fixed usage or throws a given refusal. */
  private static final class RecordingPools implements ManagePoolsUseCase {
    final List<AddPoolCommand> added = new ArrayList<>();
    final List<IPAddress> removed = new ArrayList<>();
    final List<String> encapsulated = new ArrayList<>();
    final List<String> natOutgoing = new ArrayList<>();
    List<PoolUsage> usage = USAGE;
    RuntimeException refusal;

    @Override
    public Pool add(AddPoolCommand command) {
      refuseIfAsked();
      added.add(command);
      return new Pool(command.cidr(), command.blockPrefixLength().orElse(26), command.strictAffinity(),
          command.encapsulation(), command.natOutgoing());
    }

    @Override
    public List<Pool> pools() {
      refuseIfAsked();
      return usage.stream().map(PoolUsage::pool).toList();
    }

    @Override
    public Pool setEncapsulation(IPAddress cidr, Encapsulation encapsulation) {
      refuseIfAsked();
      encapsulated.add(cidr + " " + encapsulation.setting());
      return new Pool(cidr, 26, false, encapsulation);
    }

    @Override
    public Pool setNatOutgoing(IPAddress cidr, boolean on) {
      refuseIfAsked();
      natOutgoing.add(cidr + " " + on);
      return new Pool(cidr, 26, false, Encapsulation.NONE, on);
    }

    @Override
    public List<PoolUsage> list() {
      refuseIfAsked();
      return usage;
    }

    @Override
    public void remove(IPAddress cidr) {
      refuseIfAsked();
      removed.add(cidr);
    }

    private void refuseIfAsked() {
      if (refusal != null) {
        throw refusal;
      }
    }
  }
}
