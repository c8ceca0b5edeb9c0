package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;

import dagger.Lazy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.model.HandleId;

/**
 * The IPAM plugin {@code calico-mesos-ipam}, which another main plugin (ptp, bridge, …) runs with the whole network
 * configuration, its {@code ipam.type} naming this plugin. Addresses are held by the attachment's handle
 * ({@code network:container:ifname}), so every verb finds them without reading anything first.
 *
 * <ul>
 *   <li>ADD: releases whatever the handle still holds (a retried ADD gets fresh addresses, never two sets), then
 *       assigns the static addresses and one address of each family asked for; the result has no interfaces, and
 *       IPv4 addresses with their pool's prefix length ({@link CniResult#of(AllocatedAddresses, List)}).</li>
 *   <li>DEL: releases everything the handle holds; idempotent.</li>
 *   <li>CHECK: verifies the network configuration and the environment only: no use case reads what a handle holds,
 *       and the main plugin checks its interface itself.</li>
 *   <li>GC: releases what every handle of the network holds on this node unless the runtime names its attachment
 *       among the valid ones (the same collection as the main plugin's GC, which finds no endpoint records here).</li>
 *   <li>STATUS and VERSION as the main plugin answers them.</li>
 * </ul>
 */
public final class CniIpamEndpoint implements ProtocolEndpoint {
  private final Lazy<AssignAddressesUseCase> assign;
  private final Lazy<ReleaseAddressesUseCase> release;
  private final Lazy<NetworkReadinessUseCase> readiness;
  private final Lazy<ManagePoolsUseCase> pools;
  private final Lazy<CollectAttachmentsUseCase> collect;
  private final Configuration configuration;
  private final CniRequestRunner runner;

  @Inject
  public CniIpamEndpoint(Lazy<AssignAddressesUseCase> assign, Lazy<ReleaseAddressesUseCase> release,
      Lazy<NetworkReadinessUseCase> readiness, Lazy<ManagePoolsUseCase> pools,
      Lazy<CollectAttachmentsUseCase> collect, Configuration configuration) {
    this.assign = assign;
    this.collect = collect;
    this.release = release;
    this.readiness = readiness;
    this.pools = pools;
    this.configuration = configuration;
    this.runner = new CniRequestRunner(new CniRequestReader(true), configuration);
  }

  @Override
  public PluginResponse handle(PluginRequest request, RequestLog requestLog, RequestGate gate) {
    return runner.handle(request, requestLog, readiness, cni -> run(cni, gate));
  }

  private PluginResponse run(CniRequest cni, RequestGate gate) {
    if (cni instanceof CniRequest.Add add) {
      HandleId handle = add.id().handle();
      AssignAddressesCommand.Allocate allocate = allocation(handle, add.addresses());
      AllocatedAddresses allocated = gate.pass("ADD", () -> {
        release.get().release(new ReleaseCommand.ByHandle(handle));
        return assign.get().assign(allocate);
      });
      List<IPAddress> poolCidrs = pools.get().pools().stream().map(Pool::cidr).toList();
      return CniResponses.result(CniResult.of(allocated, poolCidrs), add.version());
    }
    if (cni instanceof CniRequest.Del del) {
      gate.pass("DEL", () -> release.get().release(new ReleaseCommand.ByHandle(del.id().handle())));
      return CniResponses.nothing();
    }
    if (cni instanceof CniRequest.Gc gc) {
      gate.pass("GC", () -> collect.get().collect(gc.network(), gc.valid()));
    }
    return CniResponses.nothing(); // CHECK: see the class comment
  }

  // The IPAM plugin's addresses carry no netgroups or labels: those are the main plugin's business.
  private AssignAddressesCommand.Allocate allocation(HandleId handle, AddressRequest addresses) {
    return new AssignAddressesCommand.Allocate(configuration.nodeName(), handle,
        new AgentHostname(configuration.nodeName().value()), addresses.ipv4Count(), addresses.ipv6Count(),
        addresses.staticAddresses(), addresses.pools(), List.of(), Map.of());
  }
}
