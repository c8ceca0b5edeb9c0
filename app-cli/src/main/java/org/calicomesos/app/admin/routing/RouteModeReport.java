package org.calicomesos.app.admin.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.routing.RouteMode;

/** The route mode {@code route-mode} shows, or sets ({@code before} present). */
record RouteModeReport(RouteMode mode, Optional<RouteMode> before) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (before.isEmpty()) {
      out.println("route mode " + mode.setting());
    } else if (before.get() == mode) {
      out.println("route mode " + mode.setting() + " (unchanged)");
    } else {
      out.println("route mode " + mode.setting() + " (was " + before.get().setting() + ")");
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("route_mode", mode.setting());
    before.ifPresent(previous -> json.put("previous_route_mode", previous.setting()));
    return json;
  }
}
