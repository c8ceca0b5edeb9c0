package org.calicomesos.app.plugin;

import jakarta.inject.Inject;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;

/**
 * {@code isolate}: validates everything the dataplane will need (so a wrong request is told what is wrong),
 * then answers that isolation is not available yet; it never touches the datastore.
 */
final class IsolateHandler implements CommandHandler {
  @Inject
  IsolateHandler() {}

  @Override
  public Reply handle(RequestArgs args) {
    args.hostname();
    args.containerId();
    args.pid();
    int addresses = args.addresses("ipv4_addrs", IpFamily.V4).size() + args.addresses("ipv6_addrs", IpFamily.V6).size();
    if (addresses == 0) {
      throw new InvalidRequestException("isolate needs at least one address in ipv4_addrs or ipv6_addrs");
    }
    args.netgroups();
    args.labels();
    throw new CommandNotAvailableException("isolate");
  }
}
