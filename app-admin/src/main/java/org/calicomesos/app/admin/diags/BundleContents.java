package org.calicomesos.app.admin.diags;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.ports.diagnostics.HostReadout;
import org.calicomesos.ports.diagnostics.HostReadouts;

/**
 * What a bundle holds, in the order it is collected: what needs neither datastore nor kernel, then the
 * datastore's view (which may take a request timeout each when it is down), then the kernel's and the logs.
 */
final class BundleContents {
  private BundleContents() {}

  static List<DiagnosticItem> forThisHost(Invocation services, Map<String, String> environment,
      ConfigurationReader reader) {
    Supplier<HostReadouts> readouts = () -> services.useCases().hostReadouts();
    return List.of(
        new BuildInfoItem(),
        new ConfigurationItem(environment, reader),
        AdminCommandItem.of("ipam-check", services, "ipam", "check", "-o", "json"),
        new AdminCommandItem("endpoints", services,
            here -> List.of("endpoint", "list", "--host", here.nodeName().value(), "-o", "json")),
        AdminCommandItem.of("pools", services, "pool", "list", "-o", "json"),
        AdminCommandItem.of("node", services, "node", "show", "-o", "json"),
        new HostReadoutItem("nft-table", HostReadout.POLICY_TABLE, readouts, false),
        new HostReadoutItem("ip-addr", HostReadout.ADDRESSES, readouts, false),
        new HostReadoutItem("ip-link", HostReadout.LINKS, readouts, false),
        new HostReadoutItem("ip-route", HostReadout.IPV4_ROUTES, readouts, false),
        new HostReadoutItem("ip-6-route", HostReadout.IPV6_ROUTES, readouts, false),
        new HostReadoutItem("ip-rule", HostReadout.ROUTING_RULES, readouts, false),
        new LogTailItem(() -> LogSettings.fromEnvironment(environment).file(), LogTailItem.DEFAULT_LIMIT),
        new HostReadoutItem("agent-journal", HostReadout.AGENT_JOURNAL, readouts, true));
  }
}
