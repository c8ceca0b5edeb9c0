package org.calicomesos.app.admin;

import org.calicomesos.ports.endpoint.ListEndpointsUseCase;
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
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpReload;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;

/** {@link AdminUseCases} from given parts: the record's accessors are the interface's methods. */
record FixedAdminUseCases(
    ManagePoolsUseCase pools,
    ShowIpamUseCase ipamOverview,
    CheckIpamUseCase ipamCheck,
    ReleaseAddressesUseCase release,
    ReleaseBlockUseCase releaseBlock,
    ListEndpointsUseCase endpoints,
    ShowProfilesUseCase profiles,
    ShowNodeUseCase nodeStatus,
    NodeName nodeName,
    String datastoreDescription,
    ConfigureRoutingUseCase routing,
    BgpSpeaker bgpSpeaker,
    ManagePoliciesUseCase policies,
    ManageProfileRulesUseCase profileRules) implements AdminUseCases {

  @Override
  public org.calicomesos.ports.gc.CollectLeaksUseCase leakCollector() {
    return command -> {
      throw new AssertionError("gc was not expected");
    };
  }

  @Override
  public org.calicomesos.ports.endpoint.LabelEndpointUseCase endpointLabels() {
    return (container, host, set, remove) -> {
      throw new AssertionError("endpoint label was not expected");
    };
  }

  @Override
  public java.time.Duration gcGrace() {
    return java.time.Duration.ofHours(1);
  }

  @Override
  public org.calicomesos.ports.diagnostics.HostReadouts hostReadouts() {
    throw new AssertionError("the host readouts were not expected");
  }

  /** Services none of whose use cases may be reached: for tests of parsing and rendering with one fake swapped in. */
  static FixedAdminUseCases unreachable() {
    return new FixedAdminUseCases(
        new UnreachablePools(),
        host -> { throw new AssertionError("ipam show was not expected"); },
        () -> { throw new AssertionError("ipam check was not expected"); },
        command -> { throw new AssertionError("release was not expected"); },
        block -> { throw new AssertionError("release-block was not expected"); },
        new UnreachableEndpoints(),
        new UnreachableProfiles(),
        node -> { throw new AssertionError("node show was not expected"); },
        new NodeName("node-a"),
        "test store",
        new UnreachableRouting(),
        new UnreachableBird(),
        NoPolicies.INSTANCE,
        unreachable(ManageProfileRulesUseCase.class, "profile rule"));
  }

  FixedAdminUseCases withPools(ManagePoolsUseCase replacement) {
    return new FixedAdminUseCases(replacement, ipamOverview, ipamCheck, release, releaseBlock, endpoints, profiles, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withOverview(ShowIpamUseCase replacement) {
    return new FixedAdminUseCases(pools, replacement, ipamCheck, release, releaseBlock, endpoints, profiles, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withCheck(CheckIpamUseCase replacement) {
    return new FixedAdminUseCases(pools, ipamOverview, replacement, release, releaseBlock, endpoints, profiles, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withRelease(ReleaseAddressesUseCase replacement) {
    return new FixedAdminUseCases(pools, ipamOverview, ipamCheck, replacement, releaseBlock, endpoints, profiles, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withEndpoints(ListEndpointsUseCase replacement) {
    return new FixedAdminUseCases(pools, ipamOverview, ipamCheck, release, releaseBlock, replacement, profiles, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withProfiles(ShowProfilesUseCase replacement) {
    return new FixedAdminUseCases(pools, ipamOverview, ipamCheck, release, releaseBlock, endpoints, replacement, nodeStatus, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  FixedAdminUseCases withNodeStatus(ShowNodeUseCase replacement) {
    return new FixedAdminUseCases(pools, ipamOverview, ipamCheck, release, releaseBlock, endpoints, profiles, replacement, nodeName,
        datastoreDescription, routing, bgpSpeaker, policies, profileRules);
  }

  /** A use case every method of which fails the test. */
  static <T> T unreachable(Class<T> type, String what) {
    return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          throw new AssertionError(what + " " + method.getName() + " was not expected");
        }));
  }

  /** No policies at all: what endpoint show and node show see in tests about something else. */
  enum NoPolicies implements ManagePoliciesUseCase {
    INSTANCE;

    @Override
    public java.util.List<org.calicomesos.ports.policy.PolicyWrite> apply(
        java.util.List<org.calicomesos.ports.policy.rule.NetworkPolicy> policies) {
      throw new AssertionError("policy apply was not expected");
    }

    @Override
    public void delete(org.calicomesos.ports.model.PolicyName name) {
      throw new AssertionError("policy delete was not expected");
    }

    @Override
    public java.util.List<org.calicomesos.ports.policy.StoredPolicy> list() {
      return java.util.List.of();
    }

    @Override
    public org.calicomesos.ports.policy.StoredPolicy show(org.calicomesos.ports.model.PolicyName name) {
      throw new org.calicomesos.ports.policy.PolicyNotFoundException(name);
    }

    @Override
    public org.calicomesos.ports.policy.PolicySelection selectionFor(java.util.Map<String, String> labels,
        java.util.List<org.calicomesos.ports.model.ProfileName> profiles) {
      return new org.calicomesos.ports.policy.PolicySelection(labels, java.util.List.of(), java.util.List.of());
    }
  }

  /** Pools that fail the test when touched. */
  private static final class UnreachablePools implements ManagePoolsUseCase {
    @Override
    public org.calicomesos.ports.ipam.Pool add(org.calicomesos.ports.ipam.AddPoolCommand command) {
      throw new AssertionError("pool add was not expected");
    }

    @Override
    public java.util.List<org.calicomesos.ports.ipam.PoolUsage> list() {
      throw new AssertionError("pool list was not expected");
    }

    @Override
    public java.util.List<org.calicomesos.ports.ipam.Pool> pools() {
      throw new AssertionError("pools were not expected to be read");
    }

    @Override
    public org.calicomesos.ports.ipam.Pool setEncapsulation(inet.ipaddr.IPAddress cidr,
        org.calicomesos.ports.ipam.Encapsulation encapsulation) {
      throw new AssertionError("a pool's encapsulation was not expected to change");
    }

    @Override
    public org.calicomesos.ports.ipam.Pool setNatOutgoing(inet.ipaddr.IPAddress cidr, boolean on) {
      throw new AssertionError("a pool's NAT outgoing was not expected to change");
    }

    @Override
    public void remove(inet.ipaddr.IPAddress cidr) {
      throw new AssertionError("pool remove was not expected");
    }
  }

  /** Endpoints that fail the test when read. */
  private static final class UnreachableEndpoints implements ListEndpointsUseCase {
    @Override
    public java.util.List<org.calicomesos.ports.endpoint.WorkloadEndpoint> list(java.util.Optional<NodeName> host) {
      throw new AssertionError("endpoint list was not expected");
    }

    @Override
    public java.util.List<org.calicomesos.ports.endpoint.WorkloadEndpoint> ofContainer(
        org.calicomesos.ports.model.ContainerId container, java.util.Optional<NodeName> host) {
      throw new AssertionError("endpoint show was not expected");
    }
  }

  /** Profiles that fail the test when read. */
  private static final class UnreachableProfiles implements ShowProfilesUseCase {
    @Override
    public java.util.List<org.calicomesos.ports.policy.StoredProfile> list() {
      throw new AssertionError("profile list was not expected");
    }

    @Override
    public org.calicomesos.ports.policy.StoredProfile show(org.calicomesos.ports.model.ProfileName name) {
      throw new AssertionError("profile show was not expected");
    }
  }

  /** Routing settings that fail the test when touched. */
  private static final class UnreachableRouting implements ConfigureRoutingUseCase {
    @Override
    public org.calicomesos.ports.routing.ClusterRouting routing() {
      throw new AssertionError("route-mode was not expected");
    }

    @Override
    public org.calicomesos.ports.routing.ClusterRouting setRouting(org.calicomesos.ports.routing.RoutingChoice choice) {
      throw new AssertionError("route-mode was not expected");
    }

    @Override
    public BgpSettings bgpSettings() {
      throw new AssertionError("bgp was not expected");
    }

    @Override
    public BgpSettings changeBgpSettings(java.util.function.UnaryOperator<BgpSettings> change) {
      throw new AssertionError("bgp was not expected");
    }
  }

  /** A BIRD that fails the test when asked. */
  private static final class UnreachableBird implements BgpSpeaker {
    @Override
    public BgpReload configure(BgpConfiguration configuration) {
      throw new AssertionError("BIRD was not expected");
    }

    @Override
    public java.util.List<BgpPeerState> peers() {
      throw new AssertionError("BIRD was not expected");
    }
  }
}
