package org.calicomesos.app.admin.ipam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.app.admin.pool.PoolFields;
import org.calicomesos.ports.ipam.BlockUsage;
import org.calicomesos.ports.ipam.IpamOverview;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;

/** {@code ipam show}: the pools with their usage, then the blocks (one host's, if asked) in address order. */
record OverviewReport(IpamOverview overview, Optional<NodeName> host) implements Report {
  // Keys list in text order (10.0.0.128 before 10.0.0.64); people and diffs want address order, IPv4 first.
  private static final Comparator<BlockUsage> ADDRESS_ORDER =
      Comparator.comparing((BlockUsage block) -> IpFamily.of(block.cidr())).thenComparing(BlockUsage::cidr);

  @Override
  public void printText(PrintStream out) {
    if (overview.pools().isEmpty()) {
      out.println("no IP pools; add one with 'calico-mesos pool add CIDR'");
    } else {
      PoolFields.printTable(overview.pools(), out);
    }
    out.println();
    List<BlockUsage> blocks = blocks();
    if (blocks.isEmpty()) {
      out.println(host.map(node -> "no blocks are affine to host " + node).orElse("no blocks have been claimed yet"));
      return;
    }
    TextTable table = new TextTable(Column.left("BLOCK"), Column.left("AFFINITY"), Column.right("SIZE"),
        Column.right("USED"), Column.right("FREE"));
    for (BlockUsage block : blocks) {
      table.row(block.cidr().toCanonicalString(), block.affinity().map(NodeName::value).orElse("-"), block.size(),
          block.allocated(), block.free());
    }
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("host", host.map(NodeName::value).orElse(null));
    json.set("pools", PoolFields.json(overview.pools()));
    ArrayNode blocks = json.putArray("blocks");
    for (BlockUsage block : blocks()) {
      ObjectNode entry = blocks.addObject();
      entry.put("cidr", block.cidr().toCanonicalString());
      entry.put("affinity", block.affinity().map(NodeName::value).orElse(null));
      entry.put("size", block.size());
      entry.put("used", block.allocated());
      entry.put("free", block.free());
    }
    return json;
  }

  private List<BlockUsage> blocks() {
    return overview.blocks().stream().sorted(ADDRESS_ORDER).toList();
  }
}
