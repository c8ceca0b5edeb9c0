package org.calicomesos.app.admin;

import org.calicomesos.app.agent.FollowingLoop;
import org.calicomesos.app.agent.RouteAgent;
import org.calicomesos.ports.diagnostics.HostReadouts;
import org.calicomesos.app.metrics.AgentMetrics;
import org.calicomesos.ports.endpoint.ListEndpointsUseCase;
import org.calicomesos.ports.ipam.CheckIpamUseCase;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseBlockUseCase;
import org.calicomesos.ports.ipam.ShowIpamUseCase;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.ShowNodeUseCase;
import org.calicomesos.ports.policy.ShowProfilesUseCase;
import org.calicomesos.ports.routing.ConfigureRoutingUseCase;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;

/** What the admin commands use; the Dagger component provides it, tests build it by hand. */
public interface AdminServices {
  ManagePoolsUseCase pools();

  ShowIpamUseCase ipamOverview();

  CheckIpamUseCase ipamCheck();

  ReleaseAddressesUseCase release();

  ReleaseBlockUseCase releaseBlock();

  ListEndpointsUseCase endpoints();

  ShowProfilesUseCase profiles();

  ShowNodeUseCase nodeStatus();

  /** This host's policy loop, built on the configured datastore and the nftables policy dataplane. */
  FollowingLoop policyLoop();

  /** This host's route loop and registration, built on the configured datastore and dataplane's route table. */
  RouteAgent routeAgent();

  /** The cluster's route mode and BGP settings ({@code route-mode}, {@code bgp}). */
  ConfigureRoutingUseCase routing();

  /** This host's BIRD (CALICO_BIRD_CONFIG, CALICO_BIRD_SOCKET), for its sessions in {@code node show}. */
  BgpSpeaker bgpSpeaker();

  /** Read-only views of this host's network and agent (ip, nft list, journalctl), for 'diags'. */
  HostReadouts hostReadouts();

  /** The agent's metrics, which its policy loop reports to; the agent serves them and installs them for requests. */
  AgentMetrics agentMetrics();

  /** This host's node name (CALICO_NODENAME or the machine's hostname). */
  NodeName nodeName();

  /** Names the configured datastore for messages, never credentials. */
  String datastoreDescription();
}
