package org.calicomesos.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpConfigurationRejectedException;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpReload;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;
import org.calicomesos.ports.routing.bgp.BgpSpeakerNotRunningException;

/**
 * A {@link BgpSpeaker} that keeps the configuration "on file" in memory and records every call, for tests of core;
 * no BIRD. Like the real one it answers {@link BgpReload#UNCHANGED} for the configuration already on file, writes
 * the file while "not running", and leaves the file as it was when it rejects one.
 */
public final class RecordingBgpSpeaker implements BgpSpeaker {
  private final List<BgpConfiguration> handed = new ArrayList<>();
  private Optional<BgpConfiguration> onFile = Optional.empty();
  private boolean running = true;
  private Optional<String> rejection = Optional.empty();

  /** Whether a speaker answers on the control socket (true until told otherwise). */
  public synchronized void running(boolean running) {
    this.running = running;
  }

  /** Makes every later {@link #configure} refuse with {@code reason}, until called with empty. */
  public synchronized void reject(Optional<String> reason) {
    this.rejection = reason;
  }

  /** Every configuration handed to {@link #configure}, in order, including unchanged and rejected ones. */
  public synchronized List<BgpConfiguration> handed() {
    return List.copyOf(handed);
  }

  /** The configuration on file, if one was ever accepted. */
  public synchronized Optional<BgpConfiguration> onFile() {
    return onFile;
  }

  @Override
  public synchronized BgpReload configure(BgpConfiguration configuration) {
    handed.add(configuration);
    if (rejection.isPresent()) {
      throw new BgpConfigurationRejectedException(
          "cannot configure BIRD: BIRD refused the new configuration: " + rejection.get());
    }
    if (onFile.equals(Optional.of(configuration))) {
      return BgpReload.UNCHANGED;
    }
    onFile = Optional.of(configuration);
    return running ? BgpReload.RELOADED : BgpReload.SPEAKER_NOT_RUNNING;
  }

  @Override
  public synchronized List<BgpPeerState> peers() {
    if (!running) {
      throw new BgpSpeakerNotRunningException("BIRD is not running: nothing answers on its control socket");
    }
    return onFile.map(configuration -> configuration.peers().stream()
        .map(peer -> new BgpPeerState(peer, BgpPeerState.ESTABLISHED, Optional.empty(), "")).toList())
        .orElse(List.of());
  }
}
