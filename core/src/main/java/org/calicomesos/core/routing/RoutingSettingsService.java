package org.calicomesos.core.routing;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.core.routing.bgp.BgpSettingsCodec;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.routing.ClusterRouting;
import org.calicomesos.ports.routing.ConfigureRoutingUseCase;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.routing.RoutingChoice;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code route-mode} and {@code bgp}: reads and compare-and-swap writes of the cluster's routing records, and of the
 * IPv4 pools' encapsulation that {@code route-mode vxlan|direct|bgp} sets.
 */
public final class RoutingSettingsService implements ConfigureRoutingUseCase {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final ManagePoolsUseCase pools;
  private final CasLoop cas;

  @Inject
  public RoutingSettingsService(KeyValueStore store, DatastoreKeys keys, ManagePoolsUseCase pools) {
    this.store = store;
    this.keys = keys;
    this.pools = pools;
    this.cas = new CasLoop(store);
  }

  @Override
  public ClusterRouting routing() {
    RouteMode mode = store.get(keys.routeMode()).map(RouteModeCodec.ROUTE_MODE::decode).orElse(RouteMode.DIRECT);
    List<Pool> ipv4 = pools.pools().stream().filter(pool -> pool.family() == IpFamily.V4).toList();
    return new ClusterRouting(mode, ipv4.stream().filter(Pool::encapsulated).toList(),
        ipv4.stream().filter(pool -> !pool.encapsulated()).toList());
  }

  /**
   * The pools first, then the mode. Agents follow each record as it changes, so for a moment a host may route one
   * pool the new way and another the old way; nothing is lost that the next record does not restore.
   */
  @Override
  public ClusterRouting setRouting(RoutingChoice choice) {
    ClusterRouting before = routing();
    Encapsulation wanted = choice == RoutingChoice.VXLAN ? Encapsulation.VXLAN : Encapsulation.NONE;
    List<Pool> ipv4 = new ArrayList<>(before.vxlanPools());
    ipv4.addAll(before.plainPools());
    for (Pool pool : ipv4) {
      if (pool.encapsulation() != wanted) {
        pools.setEncapsulation(pool.cidr(), wanted);
      }
    }
    cas.update(keys.routeMode(), RouteModeCodec.ROUTE_MODE, stored ->
        // An absent record already means direct, but writing it makes the choice visible to whoever looks.
        stored.equals(Optional.of(choice.mode())) ? Step.keep(null) : Step.put(choice.mode(), null));
    return before;
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
