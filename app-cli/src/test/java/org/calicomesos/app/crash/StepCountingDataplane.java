package org.calicomesos.app.crash;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * A dataplane whose every kernel change the port offers (plumb, unplumb, a blackhole added or removed) is a step of
 * the {@link StepCounter}; what only reads the kernel passes through. A plumb is one step: the adapter rolls its own
 * failures back, and a kill inside it is the kernel's half-made veth, which the next request finds by name.
 */
final class StepCountingDataplane implements Dataplane {
  private final Dataplane delegate;
  private final StepCounter steps;

  StepCountingDataplane(Dataplane delegate, StepCounter steps) {
    this.delegate = delegate;
    this.steps = steps;
  }

  @Override
  public PlumbedInterface plumb(VethPlan plan) {
    return counted("plumb " + plan.hostInterface(), () -> delegate.plumb(plan));
  }

  @Override
  public boolean unplumb(InterfaceName hostInterface) {
    return counted("unplumb " + hostInterface, () -> delegate.unplumb(hostInterface));
  }

  @Override
  public void addBlackhole(IPAddress block) {
    counted("add blackhole " + block.toCanonicalString(), () -> {
      delegate.addBlackhole(block);
      return null;
    });
  }

  @Override
  public boolean removeBlackhole(IPAddress block) {
    return counted("remove blackhole " + block.toCanonicalString(), () -> delegate.removeBlackhole(block));
  }

  @Override
  public Optional<HostInterface> inspect(InterfaceName hostInterface) {
    return delegate.inspect(hostInterface);
  }

  @Override
  public Optional<ContainerInterface> inspectContainer(NetworkNamespace namespace, InterfaceName containerInterface) {
    return delegate.inspectContainer(namespace, containerInterface);
  }

  @Override
  public List<InterfaceName> interfacesStartingWith(String prefix) {
    return delegate.interfacesStartingWith(prefix);
  }

  @Override
  public List<HostAddress> hostAddresses() {
    return delegate.hostAddresses();
  }

  @Override
  public List<IPAddress> blackholes() {
    return delegate.blackholes();
  }

  private <T> T counted(String what, Supplier<T> change) {
    boolean returned = false;
    try {
      T result = change.get();
      returned = true;
      return result;
    } finally {
      steps.after(what + (returned ? "" : " [failed]"));
    }
  }
}
