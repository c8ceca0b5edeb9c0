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
  /** The cluster's route mode; {@link RouteMode#DIRECT} while the record is absent. */
  RouteMode routeMode();

  /** Sets the route mode; returns the one before (absent: direct). Setting the mode in force writes nothing. */
  RouteMode setRouteMode(RouteMode mode);

  /** The cluster's BGP settings; {@link BgpSettings#DEFAULT} while the record is absent. */
  BgpSettings bgpSettings();

  /**
   * Applies {@code change} to the settings as stored (the defaults while absent) and stores the result; returns
   * it. {@code change} may be run more than once (once per lost compare) and refuses by throwing a
   * {@link org.calicomesos.ports.CalicoMesosException}, which leaves the record as it was.
   */
  BgpSettings changeBgpSettings(UnaryOperator<BgpSettings> change);
}
