package org.calicomesos.app.agent.serving;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * The agent's dataplane: a veth is deleted after the request that removes it has answered. The kernel takes
 * ~20 ms to delete one (it waits until no CPU can still be using the device), most of a cleanup's or a DEL's
 * time, and nobody waits for it: the container is gone, and its records and addresses go right after. So
 * {@link #unplumb} hands the deletion to a thread of its own and returns, and whatever could meet the old veth
 * waits for it: {@link #inspect} of its name and {@link #interfacesStartingWith}; a {@link #plumb} of its name;
 * and a plumb that fails while deletions are pending (its address's host route, or its container interface in the
 * same namespace, may still be the old veth's) is retried once they have all finished. The plugin process
 * deletes in line: it would exit before a background deletion finished.
 */
public final class DeferredVethRemoval implements Dataplane, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeferredVethRemoval.class.getName());
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final Dataplane kernel;
  private final ExecutorService remover = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "veth-removal");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<InterfaceName, Future<?>> pending = new ConcurrentHashMap<>();

  public DeferredVethRemoval(Dataplane kernel) {
    this.kernel = kernel;
  }

  @Override
  public PlumbedInterface plumb(VethPlan plan) {
    awaitRemoval(plan.hostInterface());
    try {
      return kernel.plumb(plan);
    } catch (DataplaneException e) {
      if (pending.isEmpty()) {
        throw e;
      }
      // The plan may have met a veth still being deleted; the failed plumb removed what it made.
      LOG.log(System.Logger.Level.DEBUG, "plumbing {0} failed while veths are being deleted; waiting, then again: {1}",
          plan.hostInterface(), e.getMessage());
      awaitAllRemovals();
      return kernel.plumb(plan);
    }
  }

  /** True when the interface was there: its deletion is then under way, and done before anything meets it. */
  @Override
  public boolean unplumb(InterfaceName hostInterface) {
    if (pending.containsKey(hostInterface) || kernel.inspect(hostInterface).isEmpty()) {
      return false;
    }
    FutureTask<Void> removal = new FutureTask<>(() -> remove(hostInterface), null);
    pending.put(hostInterface, removal);
    remover.execute(removal);
    return true;
  }

  private void remove(InterfaceName hostInterface) {
    try {
      kernel.unplumb(hostInterface);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete {0} after its request: {1}", hostInterface,
          e.getMessage());
    } finally {
      pending.remove(hostInterface);
    }
  }

  @Override
  public Optional<HostInterface> inspect(InterfaceName hostInterface) {
    awaitRemoval(hostInterface);
    return kernel.inspect(hostInterface);
  }

  @Override
  public List<InterfaceName> interfacesStartingWith(String prefix) {
    awaitAllRemovals();
    return kernel.interfacesStartingWith(prefix);
  }

  @Override
  public List<HostAddress> hostAddresses() {
    return kernel.hostAddresses();
  }

  @Override
  public void addBlackhole(IPAddress block) {
    kernel.addBlackhole(block);
  }

  @Override
  public boolean removeBlackhole(IPAddress block) {
    return kernel.removeBlackhole(block);
  }

  @Override
  public List<IPAddress> blackholes() {
    return kernel.blackholes();
  }

  /** Lets the deletions under way finish (for at most a few seconds), so the agent stops with none pending. */
  @Override
  public void close() {
    remover.shutdown();
    try {
      if (!remover.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "{0} veth(s) were still being deleted when the agent stopped: {1}",
            pending.size(), pending.keySet());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitRemoval(InterfaceName hostInterface) {
    Future<?> removal = pending.get(hostInterface);
    if (removal != null) {
      await(removal);
    }
  }

  private void awaitAllRemovals() {
    for (Future<?> removal : List.copyOf(pending.values())) {
      await(removal);
    }
  }

  // A deletion's own failure is logged where it happens; here only how long to wait matters.
  private static void await(Future<?> removal) {
    try {
      removal.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "a veth deletion did not finish: {0}", e.toString());
    }
  }
}
