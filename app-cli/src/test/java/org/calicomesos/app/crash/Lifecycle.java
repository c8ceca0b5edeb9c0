package org.calicomesos.app.crash;

import java.util.List;
import java.util.function.Function;

/**
 * A request kind of the matrix, placed in its container's lifecycle: what must be done before it (set-up, run in
 * the killed JVM ahead of it), the request itself (killed at each of its steps, then retried), and what ends the
 * lifecycle after it, so that nothing should be left once it has run.
 */
enum Lifecycle {
  ALLOCATE("allocate", r -> List.of(), LifecycleRequests::allocate,
      r -> List.of(r.isolate(), r.release(), r.cleanup()), List.of()),
  /** Its addresses are its own: the lifecycle holds them from the start. */
  RESERVE("reserve", r -> List.of(), LifecycleRequests::reserve,
      r -> List.of(r.isolate(), r.release(), r.cleanup()), List.of(LifecycleRequests.STATIC_ADDRESS)),
  ISOLATE("isolate", r -> List.of(r.allocate()), LifecycleRequests::isolate,
      r -> List.of(r.release(), r.cleanup()), List.of()),
  /** As the isolator ends a container: release by address first, cleanup after. */
  RELEASE("release", r -> List.of(r.allocate(), r.isolate()), LifecycleRequests::release,
      r -> List.of(r.cleanup()), List.of()),
  /** Cleanup while the uid still holds the addresses, so that it frees them: every write cleanup has. */
  CLEANUP("cleanup", r -> List.of(r.allocate(), r.isolate()), LifecycleRequests::cleanup,
      r -> List.of(r.release()), List.of()),
  ADD("CNI ADD", r -> List.of(), LifecycleRequests::add, r -> List.of(r.del()), List.of()),
  DEL("CNI DEL", r -> List.of(r.add()), LifecycleRequests::del, r -> List.of(), List.of());

  private final String label;
  private final Function<LifecycleRequests, List<RunnerAction>> setup;
  private final Function<LifecycleRequests, RunnerAction> request;
  private final Function<LifecycleRequests, List<RunnerAction>> finish;
  private final List<String> addresses;

  Lifecycle(String label, Function<LifecycleRequests, List<RunnerAction>> setup,
      Function<LifecycleRequests, RunnerAction> request, Function<LifecycleRequests, List<RunnerAction>> finish,
      List<String> addresses) {
    this.label = label;
    this.setup = setup;
    this.request = request;
    this.finish = finish;
    this.addresses = addresses;
  }

  String label() {
    return label;
  }

  List<RunnerAction> setup(LifecycleRequests r) {
    return setup.apply(r);
  }

  RunnerAction request(LifecycleRequests r) {
    return request.apply(r);
  }

  List<RunnerAction> finish(LifecycleRequests r) {
    return finish.apply(r);
  }

  /** The addresses the lifecycle holds before any request answers some. */
  List<String> addresses() {
    return addresses;
  }
}
