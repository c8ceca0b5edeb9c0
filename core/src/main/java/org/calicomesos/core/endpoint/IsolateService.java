package org.calicomesos.core.endpoint;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.endpoint.ContainerAlreadyIsolatedException;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.endpoint.IsolateContainerUseCase;
import org.calicomesos.ports.endpoint.IsolateResult;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * net-modules {@code isolate}: the container's one endpoint, {@code eth0}, connected by {@link EndpointPlumbing}
 * with the addresses allocate or reserve gave it. Isolating again with the same addresses changes nothing; with
 * others it is refused.
 */
public final class IsolateService implements IsolateContainerUseCase {
  private static final System.Logger LOG = System.getLogger(IsolateService.class.getName());

  private final EndpointPlumbing plumbing;
  private final Dataplane dataplane;

  @Inject
  public IsolateService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings) {
    this.plumbing = new EndpointPlumbing(store, keys, dataplane, settings);
    this.dataplane = dataplane;
  }

  @Override
  public IsolateResult isolate(IsolateCommand command) {
    EndpointTarget target = EndpointTarget.ofContainer(command.container());
    EndpointReads reads = plumbing.read(target, command.netgroups(), command.addresses());
    List<Endpoint> existing = reads.existing();
    for (Endpoint endpoint : existing) {
      if (!endpoint.hasAddresses(command.addresses())) {
        throw new ContainerAlreadyIsolatedException(command.container(), "addresses " + endpoint.addresses());
      }
    }
    boolean interfacePresent = dataplane.inspect(target.hostInterface()).isPresent();
    if (!existing.isEmpty() && interfacePresent) {
      LOG.log(Level.INFO, "container {0} is already isolated on {1}; nothing to do", command.container(),
          target.hostInterface());
      plumbing.ensureBlackholes(reads, command.addresses());
      return new IsolateResult(target.hostInterface(), true);
    }
    // net-modules requests carry no port mappings.
    plumbing.connect(target, reads, command.namespace(), command.addresses(), command.netgroups(), command.labels(),
        List.of(), interfacePresent);
    return new IsolateResult(target.hostInterface(), false);
  }
}
