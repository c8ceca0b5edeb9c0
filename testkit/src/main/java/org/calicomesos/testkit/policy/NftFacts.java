package org.calicomesos.testkit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
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

  /**
   * The table as {@code nft -j} lists it, with what may differ between two tables that enforce the same thing taken
   * out: handles, the table's name, the order of its objects (nft lists them in the order they were made, so a
   * table built up change by change lists otherwise than one built whole) and of set elements. Rules keep their
   * order within their chain. Keyed by object ("set tag4_prod", "rules of to_cali…").
   */
  public static SortedMap<String, String> canonicalTable(String table) {
    SortedMap<String, String> objects = new TreeMap<>();
    SortedMap<String, List<String>> rules = new TreeMap<>();
    JsonNode listing;
    try {
      listing = new ObjectMapper().readTree(KernelCommand.run("nft", "-j", "list", "table", "inet", table));
    } catch (IOException e) {
      throw new AssertionError("nft -j printed no JSON", e);
    }
    for (JsonNode item : listing.get("nftables")) {
      String kind = item.fieldNames().next();
      if (kind.equals("metainfo") || kind.equals("table")) {
        continue;
      }
      ObjectNode object = item.get(kind).deepCopy();
      object.remove("handle");
      object.remove("table");
      if (object.has("elem")) {
        List<String> elements = new ArrayList<>();
        object.get("elem").forEach(element -> elements.add(element.toString()));
        elements.sort(null);
        ArrayNode sorted = object.putArray("elem");
        elements.forEach(sorted::add);
      }
      if (kind.equals("rule")) {
        rules.computeIfAbsent(object.get("chain").asText(), chain -> new ArrayList<>()).add(object.toString());
      } else {
        objects.put(kind + " " + object.get("name").asText(), object.toString());
      }
    }
    rules.forEach((chain, inOrder) -> objects.put("rules of " + chain, String.join("\n", inOrder)));
    return objects;
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

  /**
   * Another program's table that drops forwarded and host-bound packets carrying either of the two mark bits our
   * policy chains set (0x03000000), after our chains have run: a mark of ours that leaked out of an endpoint chain
   * would show as a closed path.
   */
  public static void createMarkWatcher(String table) {
    for (List<String> command : List.of(
        List.of("nft", "add", "table", "inet", table),
        List.of("nft", "add", "chain", "inet", table, "forward",
            "{ type filter hook forward priority filter + 10; policy accept; }"),
        List.of("nft", "add", "rule", "inet", table, "forward", "meta", "mark", "&", "0x03000000", "!=", "0", "drop"),
        List.of("nft", "add", "chain", "inet", table, "input",
            "{ type filter hook input priority filter + 10; policy accept; }"),
        List.of("nft", "add", "rule", "inet", table, "input", "meta", "mark", "&", "0x03000000", "!=", "0", "drop"))) {
      KernelCommand.run(command);
    }
  }
}
