package org.calicomesos.app.netmodules;

import dagger.Lazy;
import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.endpoint.IsolateContainerUseCase;
import org.calicomesos.ports.model.IpFamily;

/**
 * {@code isolate}: the container with init process {@code pid} gets {@code ipv4_addrs} (and
 * {@code ipv6_addrs}, which the isolator never sends but the documented protocol allows) and joins
 * {@code netgroups}. Every field is validated before the datastore or the kernel is touched.
 */
final class IsolateHandler implements CommandHandler {
  private final Lazy<IsolateContainerUseCase> isolate;

  @Inject
  IsolateHandler(Lazy<IsolateContainerUseCase> isolate) {
    this.isolate = isolate;
  }

  @Override
  public Reply handle(RequestArgs args) {
    args.requireHostname();
    List<IPAddress> addresses = new ArrayList<>(args.addresses("ipv4_addrs", IpFamily.V4));
    addresses.addAll(args.addresses("ipv6_addrs", IpFamily.V6));
    IsolateCommand command = new IsolateCommand(args.containerId(), new NetworkNamespace.OfProcess(args.pid()),
        addresses, args.netgroups(), args.labels().asMap());
    isolate.get().isolate(command);
    return Reply.DONE;
  }
}
