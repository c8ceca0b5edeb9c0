package org.calicomesos.app.admin;

import java.time.Duration;
import org.calicomesos.ports.diagnostics.HostReadouts;
import org.calicomesos.ports.endpoint.LabelEndpointUseCase;
import org.calicomesos.ports.endpoint.ListEndpointsUseCase;
import org.calicomesos.ports.gc.CollectLeaksUseCase;
import org.calicomesos.ports.ipam.CheckIpamUseCase;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseBlockUseCase;
import org.calicomesos.ports.ipam.ShowIpamUseCase;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.ShowNodeUseCase;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.ManageProfileRulesUseCase;
import org.calicomesos.ports.policy.ShowProfilesUseCase;
import org.calicomesos.ports.routing.ConfigureRoutingUseCase;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;

/**
 * The use cases and host views the admin commands run on: the composition root's Dagger component for the admin
 * CLI provides them, built on the first command that needs one (never for --help or a usage error); tests build
 * them by hand.
 */
public interface AdminUseCases {
  ManagePoolsUseCase pools();

  ShowIpamUseCase ipamOverview();

  CheckIpamUseCase ipamCheck();

  /** This host's garbage collector ({@code gc}). */
  CollectLeaksUseCase leakCollector();

  /** The collector's grace as configured (CALICO_GC_GRACE), {@code gc}'s default. */
  Duration gcGrace();

  ReleaseAddressesUseCase release();

  ReleaseBlockUseCase releaseBlock();

  ListEndpointsUseCase endpoints();

  /** {@code endpoint label}: a container's endpoint labels, which policy selectors match. */
  LabelEndpointUseCase endpointLabels();

  ShowProfilesUseCase profiles();

  /** {@code profile rule add|remove}. */
  ManageProfileRulesUseCase profileRules();

  /** {@code policy apply|delete|list|show}, and the policies {@code endpoint show} and {@code node show} name. */
  ManagePoliciesUseCase policies();

  ShowNodeUseCase nodeStatus();

  /** The cluster's route mode and BGP settings ({@code route-mode}, {@code bgp}). */
  ConfigureRoutingUseCase routing();

  /** This host's BIRD (CALICO_BIRD_CONFIG, CALICO_BIRD_SOCKET), for its sessions in {@code node show}. */
  BgpSpeaker bgpSpeaker();

  /** Read-only views of this host's network and agent (ip, nft list, journalctl), for 'diags'. */
  HostReadouts hostReadouts();

  /** This host's node name (CALICO_NODENAME or the machine's hostname). */
  NodeName nodeName();

  /** Names the configured datastore for messages, never credentials. */
  String datastoreDescription();
}
