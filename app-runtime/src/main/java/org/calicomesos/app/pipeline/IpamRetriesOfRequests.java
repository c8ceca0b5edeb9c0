package org.calicomesos.app.pipeline;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.IpamRetryListener;

/**
 * The IPAM's retry listener for the request path: passes each lost compare-and-swap to the process's
 * {@link RequestObserver}, if one is installed (in the agent); in a plugin process it does nothing.
 */
public final class IpamRetriesOfRequests implements IpamRetryListener {
  @Inject
  public IpamRetriesOfRequests() {}

  @Override
  public void lostCompare() {
    RequestObserver observer = RequestLog.observer();
    if (observer != null) {
      observer.lostCompare();
    }
  }
}
