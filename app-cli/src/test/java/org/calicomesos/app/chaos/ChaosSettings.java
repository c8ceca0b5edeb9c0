package org.calicomesos.app.chaos;

import java.time.Duration;

/**
 * The size of a chaos run, from system properties. The defaults are CI's size (the whole run within about three
 * minutes on two cores); the full size is {@code -Dchaos.kills=200 -Dchaos.lifecycles=25}.
 *
 * @param hosts agents, each in a network namespace of its own
 * @param clientsPerHost concurrent clients per host, each running one container lifecycle after another
 * @param lifecyclesPerHost the fewest lifecycles each host runs; clients go on until the chaos is over as well
 * @param kills random SIGKILLs, of agents and of in-flight plugin processes
 * @param leaderKills times the etcd leader is killed and restarted during the run
 * @param meanKillGap the mean pause before each kill (uniform, up to twice this)
 * @param requestTimeout {@code CALICO_REQUEST_TIMEOUT}
 * @param seed what the random kills and pauses are drawn from; printed, so that a run can be repeated
 */
record ChaosSettings(int hosts, int clientsPerHost, int lifecyclesPerHost, int kills, int leaderKills,
    Duration meanKillGap, Duration requestTimeout, long seed) {

  static ChaosSettings fromSystemProperties() {
    return new ChaosSettings(
        Integer.getInteger("chaos.hosts", 4),
        Integer.getInteger("chaos.clients", 2),
        Integer.getInteger("chaos.lifecycles", 4),
        Integer.getInteger("chaos.kills", 20),
        Integer.getInteger("chaos.leader.kills", 2),
        Duration.ofMillis(Long.getLong("chaos.gap.ms", 1000)),
        Duration.ofSeconds(Long.getLong("chaos.timeout.seconds", 5)),
        Long.getLong("chaos.seed", System.nanoTime()));
  }

  /**
   * How long a request that was not killed may take to answer: its deadline, plus the 3 s the launcher waits for
   * the agent beyond it, plus a JVM's start on a busy two-core machine, which a request the agent did not take
   * (the agent was down) pays before its deadline starts.
   */
  Duration answerBound() {
    return requestTimeout.plusSeconds(3).plusSeconds(7);
  }
}
