package org.calicomesos.ports.routing;

import java.util.function.UnaryOperator;
import org.calicomesos.ports.routing.bgp.BgpSettings;

/**
 * The operator's cluster-wide routing settings ({@code route-mode}, {@code bgp}): the route mode
 * ({@code <prefix>/v1/config/route_mode}) and the BGP settings ({@code <prefix>/v1/config/bgp}). Every agent
 * follows both. Reads of an unreadable record throw {@link org.calicomesos.ports.kv.CorruptValueException}; every
 * write is a compare-and-swap against the record read, retried on a lost compare.
 */
public interface ConfigureRoutingUseCase {
  /** The cluster's route mode ({@link RouteMode#DIRECT} while the record is absent) and its pools' encapsulation. */
  ClusterRouting routing();

  /**
   * Sets the route mode {@code choice} names, and every IPv4 pool's encapsulation (VXLAN for {@link RoutingChoice#VXLAN},
   * none otherwise), each by compare-and-swap; returns the routing before. What already matches is not written.
   */
  ClusterRouting setRouting(RoutingChoice choice);

  /** The cluster's BGP settings; {@link BgpSettings#DEFAULT} while the record is absent. */
  BgpSettings bgpSettings();

  /**
   * Applies {@code change} to the settings as stored (the defaults while absent) and stores the result; returns
   * it. {@code change} may be run more than once (once per lost compare) and refuses by throwing a
   * {@link org.calicomesos.ports.CalicoMesosException}, which leaves the record as it was.
   */
  BgpSettings changeBgpSettings(UnaryOperator<BgpSettings> change);
}
