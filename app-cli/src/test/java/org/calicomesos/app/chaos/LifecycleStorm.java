package org.calicomesos.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storm: on every host, {@code clientsPerHost} clients side by side, each running one container lifecycle after
 * another (every fourth through CNI, the rest through net-modules) until the chaos is over and its host has run its
 * share. A lifecycle once begun is always finished, so when the storm ends no container is left between two steps.
 */
final class LifecycleStorm {
  private static final int CNI_EVERY = 4;

  private final ChaosSettings settings;
  private final List<PluginClient> clients;
  private final AddressLedger ledger;
  private final ChaosFigures figures;
  private final AtomicBoolean chaosOver = new AtomicBoolean();
  private final AtomicLong containers = new AtomicLong();
  private final ExecutorService threads;
  private final List<Future<Void>> running = new ArrayList<>();

  /** @param clients one per host per concurrent client */
  LifecycleStorm(ChaosSettings settings, List<PluginClient> clients, AddressLedger ledger, ChaosFigures figures) {
    this.settings = settings;
    this.clients = clients;
    this.ledger = ledger;
    this.figures = figures;
    this.threads = Executors.newFixedThreadPool(clients.size());
  }

  void start() {
    List<AtomicInteger> done = new ArrayList<>();
    for (int h = 0; h < settings.hosts(); h++) {
      done.add(new AtomicInteger());
    }
    for (PluginClient client : clients) {
      AtomicInteger hostDone = done.get(client.host().number() - 1);
      running.add(threads.submit(() -> {
        while (!chaosOver.get() || hostDone.get() < settings.lifecyclesPerHost()) {
          long number = containers.incrementAndGet();
          if (number % CNI_EVERY == 0) {
            CniLifecycle.run(client, number, ledger);
            figures.cniLifecycles.incrementAndGet();
          } else {
            NetModulesLifecycle.run(client, number, ledger);
            figures.netModulesLifecycles.incrementAndGet();
          }
          hostDone.incrementAndGet();
        }
        return null;
      }));
    }
  }

  /** Lets the clients stop once their hosts have run their share, and waits for every lifecycle to finish. */
  void finish() throws Exception {
    chaosOver.set(true);
    try {
      for (Future<Void> client : running) {
        client.get(10, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** Stops every client at once (a failed run): their containers and plugin processes are ended on the way out. */
  void abandon() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(1, TimeUnit.MINUTES);
  }
}
