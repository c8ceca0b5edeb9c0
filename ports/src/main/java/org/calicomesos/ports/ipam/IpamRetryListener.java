package org.calicomesos.ports.ipam;

/**
 * Hears each compare-and-swap write of an IPAM record (block, handle, affinity, pool) that lost to a concurrent
 * writer, after which the write is read and tried again (up to core's bound): the measure of contention between
 * hosts. Called on the writing thread, inside the request; an implementation must be quick and must not throw.
 */
@FunctionalInterface
public interface IpamRetryListener {
  /** No one listens (admin commands, tests). */
  IpamRetryListener NONE = () -> { };

  void lostCompare();
}
