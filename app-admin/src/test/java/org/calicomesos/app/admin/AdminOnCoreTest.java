package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.IpFamily;
import org.junit.jupiter.api.Test;

/**
 * The admin CLI over the real core IPAM and a memory store, as an operator would drive it. Every test here
 * needs the core services ({@code org.calicomesos.core.ipam}); while they are stubs, these fail.
 */
class AdminOnCoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CoreOverMemory ipam = new CoreOverMemory();

  @Test
  void pools_round_trip_in_table_form() {
    AdminRun added = ipam.run("pool", "add", "10.0.0.0/16");
    AdminRun listed = ipam.run("pool", "list");
    AdminRun removed = ipam.run("pool", "remove", "10.0.0.0/16");
    AdminRun empty = ipam.run("pool", "list");

    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo(
        "added IPv4 pool 10.0.0.0/16 with /26 blocks (64 addresses each), strict affinity off, encapsulation none, "
            + "NAT outgoing off\n");
    assertThat(listed.out()).isEqualTo("""
        CIDR         FAMILY  BLOCK SIZE  STRICT AFFINITY  ENCAPSULATION  NAT OUT  CAPACITY  USED   FREE  BLOCKS
        10.0.0.0/16  IPv4    /26         no               none           no          65536     0  65536       0
        """);
    assertThat(removed.out()).isEqualTo("removed pool 10.0.0.0/16\n");
    assertThat(empty.out()).isEqualTo("no IP pools; add one with 'calico-mesos pool add CIDR'\n");
  }

  @Test
  void pools_round_trip_in_json_form() throws Exception {
    AdminRun added = ipam.run("pool", "add", "fd80:24e2:f998:72d6::/64", "--block-size", "120", "--strict-affinity", "-o", "json");
    AdminRun listed = ipam.run("pool", "list", "-o", "json");
    AdminRun removed = ipam.run("pool", "remove", "fd80:24e2:f998:72d6::/64", "-o", "json");

    assertThat(added.status()).as(added.err()).isZero();
    assertThat(JSON.readTree(added.out()).get("added_pool")).isEqualTo(JSON.readTree("""
        {"cidr": "fd80:24e2:f998:72d6::/64", "family": "ipv6", "block_size": 120, "strict_affinity": true, "encapsulation": "none",
         "nat_outgoing": false}"""));
    JsonNode pool = JSON.readTree(listed.out()).get("pools").get(0);
    assertThat(pool.get("cidr").asText()).isEqualTo("fd80:24e2:f998:72d6::/64");
    assertThat(pool.get("capacity").bigIntegerValue()).isEqualTo(java.math.BigInteger.TWO.pow(64));
    assertThat(pool.get("used").asLong()).isZero();
    assertThat(JSON.readTree(removed.out()).get("removed_pool").asText()).isEqualTo("fd80:24e2:f998:72d6::/64");
    assertThat(JSON.readTree(ipam.run("pool", "list", "-o", "json").out()).get("pools")).isEmpty();
  }

  @Test
  void overlapping_and_unknown_pools_are_refused_with_exit_1() {
    ipam.run("pool", "add", "10.0.0.0/16");

    AdminRun overlap = ipam.run("pool", "add", "10.0.128.0/17");
    AdminRun unknown = ipam.run("pool", "remove", "10.9.0.0/16");

    assertThat(overlap.status()).isEqualTo(1);
    assertThat(overlap.err()).isEqualTo("error: pool 10.0.128.0/17 overlaps existing pool 10.0.0.0/16\n");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("error: there is no pool 10.9.0.0/16\n");
  }

  @Test
  void a_pool_in_use_is_not_removed() {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 2);

    AdminRun refused = ipam.run("pool", "remove", "10.0.0.0/16");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("error: pool 10.0.0.0/16 still has 2 assigned addresses; release them first\n");
    assertThat(ipam.run("pool", "list").out()).contains("10.0.0.0/16");
  }

  @Test
  void show_lists_the_claimed_block_with_its_affinity() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 3);

    JsonNode overview = JSON.readTree(ipam.run("ipam", "show", "--host", "node-a", "-o", "json").out());

    assertThat(overview.get("pools").get(0).get("used").asLong()).isEqualTo(3);
    JsonNode block = overview.get("blocks").get(0);
    assertThat(block.get("affinity").asText()).isEqualTo("node-a");
    assertThat(block.get("used").asInt()).isEqualTo(3);
    assertThat(block.get("free").asInt()).isEqualTo(61);
    // The block comes from the host-seeded walk (hosts start far apart), so it is read, not assumed.
    assertThat(block.get("cidr").asText()).startsWith("10.0.").endsWith("/26");
    assertThat(ipam.run("ipam", "show").out()).contains("node-a").contains(block.get("cidr").asText());
  }

  @Test
  void release_by_address_and_by_uid_frees_them() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    List<String> first = canonical(ipam.allocate("uid-1", 2).ipv4());
    List<String> second = canonical(ipam.allocate("uid-2", 1).ipv4());

    AdminRun byIp = ipam.run("ipam", "release", "--ip", String.join(",", first), "-o", "json");
    AdminRun again = ipam.run("ipam", "release", "--ip", first.get(0), "-o", "json");
    AdminRun byUid = ipam.run("ipam", "release", "--uid", "uid-2", "-o", "json");

    assertThat(byIp.status()).as(byIp.err()).isZero();
    assertThat(texts(JSON.readTree(byIp.out()).get("released"))).containsExactlyInAnyOrderElementsOf(first);
    assertThat(texts(JSON.readTree(again.out()).get("already_free"))).containsExactly(first.get(0));
    assertThat(texts(JSON.readTree(byUid.out()).get("released"))).containsExactlyElementsOf(second);
    assertThat(JSON.readTree(ipam.run("pool", "list", "-o", "json").out()).get("pools").get(0).get("used").asLong()).isZero();
  }

  @Test
  void release_block_refuses_a_block_in_use_then_releases_it_once_empty_and_again_is_a_no_op() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    String address = canonical(ipam.allocate("uid-1", 1).ipv4()).get(0);
    String block = JSON.readTree(ipam.run("ipam", "show", "-o", "json").out()).get("blocks").get(0).get("cidr").asText();

    AdminRun refused = ipam.run("ipam", "release-block", block);
    ipam.run("ipam", "release", "--ip", address);
    AdminRun released = ipam.run("ipam", "release-block", block);
    AdminRun again = ipam.run("ipam", "release-block", block, "-o", "json");
    AdminRun notACidr = ipam.run("ipam", "release-block", "10.0.0.1");

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("error: block " + block + " still holds 1 address; release it first "
        + "('calico-mesos ipam release') and try again\n");
    assertThat(released.status()).as(released.err()).isZero();
    assertThat(released.out()).isEqualTo("released block " + block + " (claimed by node-a)\n");
    assertThat(JSON.readTree(again.out()).get("block_removed").asBoolean()).isFalse();
    assertThat(JSON.readTree(again.out()).get("claims_removed")).isEmpty();
    assertThat(JSON.readTree(ipam.run("ipam", "show", "-o", "json").out()).get("blocks")).isEmpty();
    assertThat(notACidr.status()).isEqualTo(2);
  }

  @Test
  void check_of_a_consistent_ipam_exits_0() {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 2);

    AdminRun check = ipam.run("ipam", "check");

    assertThat(check.status()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).startsWith("checked memory store: 1 pool, 1 block, 1 handle, 2 assigned addresses\n")
        .endsWith("no problems found\n");
  }

  @Test
  void check_finds_a_handle_record_that_was_lost() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 2);
    // Planted by hand: the block still says uid-1 holds two addresses; its handle record says nothing.
    deleteEveryEntryUnder(ipam.keys.handlePrefix());

    AdminRun check = ipam.run("ipam", "check", "-o", "json");

    assertThat(check.status()).isEqualTo(1);
    assertThat(kinds(check)).contains("handle_mismatch");
  }

  @Test
  void check_finds_addresses_outside_every_pool() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 1);
    // Planted by hand: the pool record disappears under its block (as a remove racing an allocation might leave it).
    deleteEveryEntryUnder(ipam.keys.poolPrefix(IpFamily.V4));

    AdminRun check = ipam.run("ipam", "check", "-o", "json");

    assertThat(check.status()).isEqualTo(1);
    assertThat(kinds(check)).contains("outside_pools");
  }

  @Test
  void check_finds_a_block_whose_affinity_record_is_gone() throws Exception {
    ipam.run("pool", "add", "10.0.0.0/16");
    ipam.allocate("uid-1", 1);
    // Planted by hand: the block says host:node-a, but node-a's claim on it is gone.
    deleteEveryEntryUnder(ipam.keys.affinityRoot());

    AdminRun check = ipam.run("ipam", "check", "-o", "json");

    assertThat(check.status()).isEqualTo(1);
    assertThat(kinds(check)).contains("affinity_mismatch");
  }

  private void deleteEveryEntryUnder(String prefix) {
    List<Entry> entries = ipam.store.list(prefix).entries();
    assertThat(entries).as("entries under " + prefix).isNotEmpty();
    for (Entry entry : entries) {
      assertThat(ipam.store.delete(entry.key(), entry.revision()).landed()).isTrue();
    }
  }

  private static List<String> kinds(AdminRun check) throws Exception {
    return texts(JSON.readTree(check.out()).get("problems"), problem -> problem.get("kind").asText());
  }

  private static List<String> texts(JsonNode array) {
    return texts(array, JsonNode::asText);
  }

  private static List<String> texts(JsonNode array, Function<JsonNode, String> text) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(text).toList();
  }

  private static List<String> canonical(List<inet.ipaddr.IPAddress> addresses) {
    return addresses.stream().map(inet.ipaddr.IPAddress::toCanonicalString).toList();
  }
}
