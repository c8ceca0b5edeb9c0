package org.calicomesos.core.routing;

import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.core.routing.bgp.BgpSettingsCodec;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.routing.ConfigureRoutingUseCase;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.schema.DatastoreKeys;

/** {@code route-mode} and {@code bgp}: reads and compare-and-swap writes of the cluster's routing records. */
public final class RoutingSettingsService implements ConfigureRoutingUseCase {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final CasLoop cas;

  @Inject
  public RoutingSettingsService(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    this.cas = new CasLoop(store);
  }

  @Override
  public RouteMode routeMode() {
    return store.get(keys.routeMode()).map(RouteModeCodec.ROUTE_MODE::decode).orElse(RouteMode.DIRECT);
  }

  @Override
  public RouteMode setRouteMode(RouteMode mode) {
    return cas.update(keys.routeMode(), RouteModeCodec.ROUTE_MODE, stored -> {
      RouteMode before = stored.orElse(RouteMode.DIRECT);
      // An absent record already means direct, but writing it makes the choice visible to whoever looks.
      return stored.equals(Optional.of(mode)) ? Step.keep(before) : Step.put(mode, before);
    });
  }

  @Override
  public BgpSettings bgpSettings() {
    return store.get(keys.bgpConfig()).map(BgpSettingsCodec.CODEC::decode).orElse(BgpSettings.DEFAULT);
  }

  @Override
  public BgpSettings changeBgpSettings(UnaryOperator<BgpSettings> change) {
    return cas.update(keys.bgpConfig(), BgpSettingsCodec.CODEC, stored -> {
      BgpSettings after = change.apply(stored.orElse(BgpSettings.DEFAULT));
      return stored.equals(Optional.of(after)) ? Step.keep(after) : Step.put(after, after);
    });
  }
}
