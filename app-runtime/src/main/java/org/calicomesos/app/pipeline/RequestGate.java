package org.calicomesos.app.pipeline;

import java.util.function.Supplier;

/**
 * Where a validated command waits its turn before it runs. A process that serves one request lets it
 * straight through; the agent, serving many at once, makes IPAM commands go one at a time.
 */
public interface RequestGate {
  /** Lets every command through at once. */
  RequestGate OPEN = new RequestGate() {
    @Override
    public <T> T pass(String command, Supplier<T> work) {
      return work.get();
    }
  };

  /** Runs {@code work}, the handling of {@code command} (a name the endpoint knows), when its turn comes. */
  <T> T pass(String command, Supplier<T> work);
}
