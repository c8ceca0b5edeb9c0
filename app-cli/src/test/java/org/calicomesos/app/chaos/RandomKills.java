package org.calicomesos.app.chaos;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.server.EtcdCluster;

/**
 * The chaos: {@code kills} SIGKILLs, each after a random pause, each of a random agent (its supervisor restarts it
 * at once) or of a random plugin process in flight; and, spread evenly among them, the etcd leader killed, a new
 * leader awaited, and the old one restarted on its data, {@code leaderKills} times.
 */
final class RandomKills implements Runnable {
  /** How long the cluster runs on two members before the killed leader comes back. */
  private static final long TWO_MEMBERS_MILLIS = 2000;

  private final ChaosSettings settings;
  private final Random random;
  private final List<SupervisedAgent> agents;
  private final InFlightPlugins inFlight;
  private final EtcdCluster etcd;
  private final ChaosFigures figures;

  RandomKills(ChaosSettings settings, List<SupervisedAgent> agents, InFlightPlugins inFlight, EtcdCluster etcd,
      ChaosFigures figures) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.agents = agents;
    this.inFlight = inFlight;
    this.etcd = etcd;
    this.figures = figures;
  }

  @Override
  public void run() {
    try {
      int leaderKillsDone = 0;
      for (int kill = 0; kill < settings.kills(); kill++) {
        Thread.sleep((long) (random.nextDouble() * 2 * settings.meanKillGap().toMillis()));
        if (leaderKillsDone < settings.leaderKills()
            && kill >= (long) settings.kills() * (leaderKillsDone + 1) / (settings.leaderKills() + 1)) {
          killLeader();
          leaderKillsDone++;
        }
        if (random.nextBoolean() || !killAPlugin()) {
          killAnAgent();
        }
      }
      while (leaderKillsDone++ < settings.leaderKills()) {
        killLeader();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills a random agent that is running (not one its supervisor is about to start again). */
  private void killAnAgent() throws InterruptedException {
    while (!agents.get(random.nextInt(agents.size())).kill()) {
      Thread.sleep(5);
    }
    figures.agentKills.incrementAndGet();
  }

  /** Kills a random plugin process in flight, waiting up to a second for one; false if none died of it. */
  private boolean killAPlugin() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < deadline) {
      Optional<PluginRun> victim = inFlight.any(random);
      if (victim.isPresent() && victim.get().kill()) {
        figures.pluginKills.incrementAndGet();
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private void killLeader() throws InterruptedException {
    int leader = etcd.awaitLeaderOtherThan(-1);
    long killed = System.nanoTime();
    etcd.kill(leader);
    etcd.awaitLeaderOtherThan(leader);
    figures.leaderChanged(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
    Thread.sleep(TWO_MEMBERS_MILLIS);
    etcd.restart(leader);
  }
}
