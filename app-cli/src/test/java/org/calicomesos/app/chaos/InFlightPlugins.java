package org.calicomesos.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The plugin processes running right now, on every host, for the chaos to pick its victims from. */
final class InFlightPlugins {
  private final List<PluginRun> running = new ArrayList<>();

  synchronized void add(PluginRun run) {
    running.add(run);
  }

  synchronized void remove(PluginRun run) {
    running.remove(run);
  }

  synchronized Optional<PluginRun> any(Random random) {
    return running.isEmpty() ? Optional.empty() : Optional.of(running.get(random.nextInt(running.size())));
  }
}
