package org.calicomesos.testkit.policy;

import java.util.List;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * What nftables holds, read and arranged with the {@code nft} command — never through the adapter under test — and
 * only ever for tables the test names.
 */
public final class NftFacts {
  private NftFacts() {}

  /** {@code nft list table inet <table>}; fails the test if there is no such table. */
  public static String listTable(String table) {
    return KernelCommand.run("nft", "list", "table", "inet", table);
  }

  public static boolean tableExists(String table) {
    return tables().contains("inet " + table);
  }

  /** Every table's {@code <family> <name>}, as {@code nft list tables} prints them. */
  public static List<String> tables() {
    return KernelCommand.run("nft", "list", "tables").lines().map(String::strip)
        .filter(line -> line.startsWith("table ")).map(line -> line.substring("table ".length())).toList();
  }

  /** Removes the table if it is there, for cleanup. */
  public static void deleteTable(String table) {
    if (tableExists(table)) {
      KernelCommand.attempt("nft", "delete", "table", "inet", table);
    }
  }

  /** Another program's table: a set with an element, a chain with a rule using the set, and an empty chain. */
  public static void createForeignTable(String table) {
    for (List<String> command : List.of(
        List.of("nft", "add", "table", "inet", table),
        List.of("nft", "add", "set", "inet", table, "blocked", "{ type ipv4_addr; elements = { 192.0.2.99 }; }"),
        List.of("nft", "add", "chain", "inet", table, "screen"),
        List.of("nft", "add", "rule", "inet", table, "screen", "ip", "saddr", "@blocked", "drop"),
        List.of("nft", "add", "chain", "inet", table, "spare"))) {
      KernelCommand.run(command);
    }
  }
}
