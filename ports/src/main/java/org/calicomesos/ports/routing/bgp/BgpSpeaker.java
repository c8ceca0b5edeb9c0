package org.calicomesos.ports.routing.bgp;

import java.util.List;

/**
 * The BGP speaker of this host (route mode bgp), an existing engine (BIRD) that the agent configures but
 * never starts or stops: its lifecycle is the service manager's. The agent does not speak BGP itself; it hands
 * the speaker the whole desired {@link BgpConfiguration} each time it changes. Routes the speaker learns are
 * installed in the kernel by the speaker, marked as its own, never with the agent's route protocol.
 */
public interface BgpSpeaker {

  /**
   * Makes {@code configuration} the one in force: has the speaker validate it, replaces the stored configuration
   * atomically, and has a running speaker read it. Sessions to peers that remain are kept; peers and blocks that
   * are gone are dropped and withdrawn.
   *
   * @return what happened; a speaker that is not running is an outcome ({@link BgpReload#SPEAKER_NOT_RUNNING}),
   *     not an error, so a host whose BIRD is down does not fail the agent's loop
   * @throws BgpConfigurationRejectedException when the speaker refuses it; the configuration before stays in
   *     force and on file
   * @throws BgpSpeakerException when the speaker's tools cannot be run or misbehave
   */
  BgpReload configure(BgpConfiguration configuration);

  /**
   * The sessions of the peers this adapter configured, as the running speaker reports them, in its order.
   *
   * @throws BgpSpeakerNotRunningException when no speaker answers on its control socket
   * @throws BgpSpeakerException when the speaker's tools cannot be run or misbehave
   */
  List<BgpPeerState> peers();
}
