package org.calicomesos.app.admin.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.ReadoutText;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.node.NodeStatus;

/**
 * {@code node show}. The agent's state is not read here: that is the kernel's (nftables) and systemd's to
 * tell, and an admin command reads only the datastore; the text points at systemd, the JSON leaves it out.
 */
record NodeReport(NodeStatus status) implements Report {
  static final String AGENT_HINT = "see 'systemctl status calico-mesos-agent'";

  @Override
  public void printText(PrintStream out) {
    String profile = ProfileName.hostDefault(status.node()).value();
    new KeyValueLines()
        .line("node", status.node())
        .line("host IP", ReadoutText.of(status.hostIp(), ip -> ip.toCanonicalString() + " (from profile " + profile + ")",
            "not recorded yet (the first isolate on this host writes profile " + profile + ")"))
        .line("affine blocks", status.affineBlocks().isEmpty() ? "none"
            : status.affineBlocks().stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(", ")))
        .line("endpoints", status.endpoints())
        .line("agent", AGENT_HINT)
        .print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("node", status.node().value());
    json.put("host_ip", status.hostIp().value().map(IPAddress::toCanonicalString).orElse(null));
    json.put("host_ip_unreadable", status.hostIp().problem().orElse(null));
    ArrayNode blocks = json.putArray("affine_blocks");
    status.affineBlocks().forEach(block -> blocks.add(block.toCanonicalString()));
    json.put("endpoints", status.endpoints());
    return json;
  }
}
