package org.calicomesos.app.agent;

/**
 * Hears what the agent's policy work does, for its metrics: each policy applied to the kernel, and each failure of
 * the loop. Called on the loop's thread; implementations must be quick and must not throw.
 */
public interface PolicyObserver {
  /** For tests, and an agent that counts nothing. */
  PolicyObserver NONE = new PolicyObserver() {
    @Override
    public void applied(boolean success, long durationNanos) {}

    @Override
    public void loopFailed(Throwable failure) {}
  };

  /** One apply of the host's policy to the kernel: whether the kernel took it, and how long that took. */
  void applied(boolean success, long durationNanos);

  /** The loop could not read or follow the datastore (or failed otherwise), and will read everything again. */
  void loopFailed(Throwable failure);
}
