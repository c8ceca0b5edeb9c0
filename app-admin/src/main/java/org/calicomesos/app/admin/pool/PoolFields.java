package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolUsage;

/** How a pool appears in tables and JSON, shared by {@code pool add|list} and {@code ipam show}. */
public final class PoolFields {
  private PoolFields() {}

  /**
   * The pool's own settings: cidr, family, block_size (a prefix length), strict_affinity, encapsulation,
   * nat_outgoing.
   */
  static ObjectNode json(Pool pool) {
    ObjectNode json = JsonDocument.object();
    json.put("cidr", pool.cidr().toCanonicalString());
    json.put("family", pool.family().blockSegment());
    json.put("block_size", pool.blockPrefixLength());
    json.put("strict_affinity", pool.strictAffinity());
    json.put("encapsulation", pool.encapsulation().setting());
    json.put("nat_outgoing", pool.natOutgoing());
    return json;
  }

  /** One object per pool: its settings plus capacity, used, free and block_count. */
  public static ArrayNode json(List<PoolUsage> pools) {
    ArrayNode array = JsonDocument.array();
    for (PoolUsage usage : pools) {
      ObjectNode json = json(usage.pool());
      json.put("capacity", usage.capacity());
      json.put("used", usage.allocated());
      json.put("free", free(usage));
      json.put("block_count", usage.blocks());
      array.add(json);
    }
    return array;
  }

  public static void printTable(List<PoolUsage> pools, PrintStream out) {
    TextTable table = new TextTable(Column.left("CIDR"), Column.left("FAMILY"), Column.left("BLOCK SIZE"),
        Column.left("STRICT AFFINITY"), Column.left("ENCAPSULATION"), Column.left("NAT OUT"), Column.right("CAPACITY"),
        Column.right("USED"), Column.right("FREE"), Column.right("BLOCKS"));
    for (PoolUsage usage : pools) {
      Pool pool = usage.pool();
      table.row(pool.cidr().toCanonicalString(), pool.family().displayName(), "/" + pool.blockPrefixLength(),
          pool.strictAffinity() ? "yes" : "no", pool.encapsulation().setting(), pool.natOutgoing() ? "yes" : "no",
          usage.capacity(), usage.allocated(), free(usage), usage.blocks());
    }
    table.print(out);
  }

  /** A switch as the pool commands' sentences write it. */
  static String onOff(boolean setting) {
    return setting ? "on" : "off";
  }

  private static BigInteger free(PoolUsage usage) {
    return usage.capacity().subtract(BigInteger.valueOf(usage.allocated()));
  }
}
