package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The timing loop the hand-run harnesses share: each run renders a script and commits it, then does an untimed
 * {@code afterEach} (an undo, say); the first {@code warmUp} runs are not kept. Render time and the whole (render and
 * commit) are kept apart, in milliseconds, with the size of the last script.
 */
record TimedApplies(List<Double> render, List<Double> whole, int scriptLength) {
  static TimedApplies measure(int warmUp, int runs, Supplier<String> renderer, Consumer<String> commit,
      Runnable afterEach) {
    List<Double> render = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    int length = 0;
    for (int i = 0; i < warmUp + runs; i++) {
      long start = System.nanoTime();
      String script = renderer.get();
      long rendered = System.nanoTime();
      commit.accept(script);
      long applied = System.nanoTime();
      afterEach.run();
      length = script.length();
      if (i >= warmUp) {
        render.add((rendered - start) / 1e6);
        whole.add((applied - start) / 1e6);
      }
    }
    return new TimedApplies(render, whole, length);
  }

  double render(int percentile) {
    return PolicyApplyTiming.percentile(render, percentile);
  }

  double whole(int percentile) {
    return PolicyApplyTiming.percentile(whole, percentile);
  }
}
