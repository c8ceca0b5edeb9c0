package org.calicomesos.app.admin.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.NodeStatus;
import org.calicomesos.ports.routing.RouteMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code node show}: this host's name, host IP, blocks, endpoint count and routing, from the datastore alone. */
@Command(name = "show", description = {"Show this host: its node name, the host IP its default_<node> profile admits,",
    "the address blocks affine to it and how many endpoints it has; the cluster's route mode, this host's",
    "registration (the addresses other hosts route to, the agent's heartbeat), the pools with NAT outgoing and",
    "every other host with its block count; in route mode bgp, also this host's BIRD sessions (asked on",
    "CALICO_BIRD_SOCKET); the host ports mapped to its containers; the network policies that select at least one",
    "of its endpoints.",
    "Otherwise reads only the datastore, not the kernel:",
    "whether the agent runs and its policy is in force, ask systemd ('systemctl status calico-mesos-agent')."})
final class NodeShowCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  NodeShowCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    NodeName node = invocation.useCases().nodeName();
    NodeStatus status = invocation.useCases().nodeStatus().show(node);
    Optional<BgpSessions> bgp = status.routing().routeMode().value().filter(mode -> mode == RouteMode.BGP)
        .map(bgpMode -> BgpSessions.ask(invocation.useCases()));
    List<WorkloadEndpoint> endpoints = invocation.useCases().endpoints().list(Optional.of(node));
    PoliciesInForce policies = PoliciesInForce.of(endpoints, invocation.useCases().policies());
    output.print(new NodeReport(status, bgp, Instant.now(), MappedPorts.of(endpoints), policies), invocation.out());
    return 0;
  }
}
