package org.calicomesos.app.agent.serving;

import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.calicomesos.app.pipeline.RequestGate;

/**
 * IPAM commands of this host one at a time: they would otherwise race for the same affine block and lose
 * compare-and-swap rounds to each other. Net-modules' isolate and cleanup of different containers run side by
 * side; CNI's ADD, DEL and GC take and free addresses themselves, so they pass one at a time as a whole.
 */
final class HostIpamGate implements RequestGate {
  private static final Set<String> IPAM_COMMANDS = Set.of("allocate", "reserve", "release", "ADD", "DEL", "GC");

  // Fair: requests are served in the order they came, as the Mesos agent would see them in-process.
  private final ReentrantLock ipam = new ReentrantLock(true);

  @Override
  public <T> T pass(String command, Supplier<T> work) {
    if (!IPAM_COMMANDS.contains(command)) {
      return work.get();
    }
    ipam.lock();
    try {
      return work.get();
    } finally {
      ipam.unlock();
    }
  }
}
