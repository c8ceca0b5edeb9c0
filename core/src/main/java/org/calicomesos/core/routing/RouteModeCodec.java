package org.calicomesos.core.routing;

import static org.calicomesos.core.json.Fields.text;

import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.routing.RouteMode;

/** The cluster's route mode record: {@code {"mode":"direct"}} or {@code {"mode":"bgp"}}. */
public final class RouteModeCodec {
  public static final Codec<RouteMode> ROUTE_MODE = TreeCodec.of(
      node -> {
        String mode = text(node, "mode");
        return RouteMode.ofSetting(mode).orElseThrow(() -> new IllegalArgumentException(
            "route mode '" + Excerpt.of(mode) + "' is not one of direct, bgp"));
      },
      mode -> JsonTree.object().put("mode", mode.setting()));

  private RouteModeCodec() {}
}
