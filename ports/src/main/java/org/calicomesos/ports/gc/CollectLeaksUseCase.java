package org.calicomesos.ports.gc;

/**
 * The host's garbage collector ({@code calico-mesos gc} and the agent's collection loop): finds this host's leak
 * candidates, remembers when each was first seen, and frees those seen dead for at least the grace, each by a
 * compare-and-swap on the records that hold it. Never frees anything of another host.
 */
public interface CollectLeaksUseCase {
  CollectionReport collect(CollectCommand command);
}
