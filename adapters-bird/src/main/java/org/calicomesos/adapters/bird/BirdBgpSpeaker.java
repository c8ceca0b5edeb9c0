package org.calicomesos.adapters.bird;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpConfigurationRejectedException;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpReload;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;
import org.calicomesos.ports.routing.bgp.BgpSpeakerNotRunningException;

/**
 * {@link BgpSpeaker} on BIRD 2: the rendered file is checked with {@code bird -p}, renamed over the old one,
 * and a running BIRD is told to read it with {@code birdc configure} (BIRD keeps the sessions a reload leaves
 * unchanged). BIRD's lifecycle is systemd's; this never starts or stops it. bird and birdc run in the caller's
 * network namespace, which does not matter: the control socket is a file path, and {@code -p} only parses.
 */
final class BirdBgpSpeaker implements BgpSpeaker {
  private static final String READING = "Reading configuration from ";

  private final BirdSettings settings;
  private final ConfigFile file;
  private final BirdProcess process;
  private final BirdConfigRenderer renderer = new BirdConfigRenderer();

  BirdBgpSpeaker(BirdSettings settings, BirdProcess process) {
    this.settings = settings;
    this.file = new ConfigFile(settings.configFile());
    this.process = process;
  }

  /** With bird and birdc from the PATH, each given 30 s (a reload of a few hundred peers takes well under 1 s). */
  static BirdBgpSpeaker onPath(BirdSettings settings) {
    return new BirdBgpSpeaker(settings, new BirdProcess(Duration.ofSeconds(30)));
  }

  @Override
  public BgpReload configure(BgpConfiguration configuration) {
    return install(renderer.render(configuration));
  }

  private synchronized BgpReload install(String text) {
    Optional<String> before = file.read();
    if (before.equals(Optional.of(text))) {
      return BgpReload.UNCHANGED;
    }
    Path staged = file.stage(text);
    try {
      check(staged);
      file.replaceWith(staged);
    } finally {
      ConfigFile.discard(staged);
    }
    BirdProcess.Result reload = birdc("configure");
    if (BirdErrors.notRunning(reload.output())) {
      return BgpReload.SPEAKER_NOT_RUNNING;
    }
    if (!reload.succeeded()) {
      // bird -p passed it, so this is rare; BIRD still runs the old configuration, so the old file goes back.
      before.ifPresentOrElse(this::restore, file::delete);
      throw new BgpConfigurationRejectedException("cannot configure BIRD from " + file.path()
          + ": BIRD refused to reload it, and the file is left as it was: "
          + BirdErrors.firstError(reload.output(), reload.exitCode()));
    }
    requireOurFile(reload.output());
    return BgpReload.RELOADED;
  }

  @Override
  public List<BgpPeerState> peers() {
    BirdProcess.Result report = birdc("show", "protocols", "all");
    if (BirdErrors.notRunning(report.output())) {
      throw new BgpSpeakerNotRunningException("BIRD is not running: nothing answers on its control socket "
          + settings.controlSocket());
    }
    if (!report.succeeded()) {
      throw new BgpSpeakerException("cannot list BIRD's protocols (birdc show protocols all): "
          + BirdErrors.firstError(report.output(), report.exitCode()));
    }
    return ProtocolsReport.parse(report.output());
  }

  private void check(Path staged) {
    BirdProcess.Result check = process.run(List.of("bird", "-p", "-c", staged.toString()));
    if (!check.succeeded()) {
      throw new BgpConfigurationRejectedException("cannot configure BIRD from " + file.path()
          + ": BIRD refused the new configuration, and the file is left as it was: "
          + BirdErrors.firstError(check.output(), check.exitCode()));
    }
  }

  private void restore(String text) {
    Path staged = file.stage(text);
    try {
      file.replaceWith(staged);
    } finally {
      ConfigFile.discard(staged);
    }
  }

  /**
   * birdc configure has BIRD re-read the file it was started with; if that is not ours, our configuration is
   * on file but not in force, which must not pass for success.
   */
  private void requireOurFile(String output) {
    Optional<String> reading = output.lines().filter(line -> line.startsWith(READING))
        .map(line -> line.substring(READING.length()).strip()).findFirst();
    if (reading.isPresent() && !sameFile(Path.of(reading.get()))) {
      throw new BgpSpeakerException("BIRD reads its configuration from " + reading.get() + ", not from "
          + file.path() + " where calico-mesos writes it; start BIRD with -c " + file.path());
    }
  }

  private boolean sameFile(Path reading) {
    if (!reading.isAbsolute()) {
      return file.path().endsWith(reading); // relative to BIRD's working directory, which we cannot see
    }
    try {
      return Files.isSameFile(reading, file.path());
    } catch (IOException e) {
      return reading.normalize().equals(file.path().normalize());
    }
  }

  private BirdProcess.Result birdc(String... command) {
    List<String> argv = new ArrayList<>(List.of("birdc", "-s", settings.controlSocket().toString()));
    argv.addAll(List.of(command));
    return process.run(argv);
  }
}
