package org.calicomesos.ports.attachment;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * CNI {@code STATUS}: whether an {@code ADD} could succeed now: the datastore answers and a pool of each family
 * asked for has room ({@code pools} empty: any pool).
 *
 * @throws org.calicomesos.ports.kv.DatastoreUnavailableException when the datastore does not answer
 * @throws NetworkNotReadyException when no pool has room
 */
public interface NetworkReadinessUseCase {
  void ready(boolean ipv4, boolean ipv6, List<IPAddress> pools);
}
