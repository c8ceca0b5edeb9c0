package org.calicomesos.app.agent;

import org.calicomesos.testkit.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.policy.PolicySync;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's following loop, as the policy loop, on the memory store and a recording policy dataplane: follow, survive, resync, never withdraw. */
class FollowingLoopTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("agent-1");
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  private final BreakableStore store = new BreakableStore(memory);
  private final RecordingPolicyDataplane kernel = new RecordingPolicyDataplane();
  private final List<Throwable> loopFailures = new CopyOnWriteArrayList<>();
  private final FollowingLoop agent = new FollowingLoop("policy",
      new PolicySync(store, KEYS, new EndpointSettings(NODE, 1500, Optional.empty()), kernel), store,
      loopFailures::add, Optional.empty());
  private final Thread loop = new Thread(agent::run, "policy-agent-under-test");

  @AfterEach
  void stopAgent() throws InterruptedException {
    agent.stop(PATIENCE);
    loop.join(PATIENCE.toMillis());
  }

  @Test
  void follows_the_datastore_and_leaves_the_rules_in_force_when_stopped() throws InterruptedException {
    loop.start();
    await(() -> kernel.inForce().isPresent(), "the first full read enforced");

    writeEndpoint("c1", "198.18.0.1");
    await(() -> endpointsInForce() == 1, "the new endpoint enforced");
    writeEndpoint("c2", "198.18.0.2");
    await(() -> endpointsInForce() == 2, "the second endpoint enforced");

    agent.stop(PATIENCE);
    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
    assertThat(kernel.inForce()).as("stopping withdraws nothing").isPresent();
    assertThat(endpointsInForce()).isEqualTo(2);
  }

  @Test
  void a_lost_watch_leads_to_a_full_read_that_sees_what_changed_meanwhile() throws InterruptedException {
    loop.start();
    await(() -> kernel.inForce().isPresent(), "the first full read enforced");
    int readsBefore = store.lists.get();

    store.down = true;
    store.endWatches("etcd at http://127.0.0.1:2379 stopped answering");
    await(store.listeners::isEmpty, "the agent closed the watch it lost");
    writeEndpoint("c1", "198.18.0.1"); // while the agent cannot read: no watch will ever tell of it
    await(() -> store.lists.get() >= readsBefore + 2, "a second failed read, after a pause");
    assertThat(endpointsInForce()).as("the rules in force stay as they were").isZero();
    assertThat(loopFailures).as("each failed read is told to the observer (the agent's metrics)")
        .hasSizeGreaterThanOrEqualTo(2).allMatch(failure -> failure instanceof DatastoreUnavailableException);

    store.down = false;
    await(() -> endpointsInForce() == 1, "the full read after the outage enforced the endpoint");
    writeEndpoint("c2", "198.18.0.2");
    await(() -> endpointsInForce() == 2, "the new watch follows changes again");
  }

  @Test
  void a_policy_the_kernel_refuses_is_applied_again_later() throws InterruptedException {
    writeEndpoint("c1", "198.18.0.1");
    kernel.failNextEnforce(new PolicyApplyException("nft: Could not process rule: No buffer space available"));

    loop.start();

    await(() -> endpointsInForce() == 1, "the refused policy applied on a later attempt");
    assertThat(kernel.enforced()).hasSize(1);
  }

  private int endpointsInForce() {
    return kernel.inForce().map(policy -> policy.endpoints().size()).orElse(0);
  }

  private void writeEndpoint(String container, String address) {
    ContainerId id = new ContainerId(container);
    EndpointId endpoint = EndpointId.of(id);
    memory.create(KEYS.endpoint(NODE, id, endpoint), "{\"state\":\"active\",\"endpoint_id\":\"" + endpoint.value()
        + "\",\"container_id\":\"" + container + "\",\"name\":\"" + endpoint.hostInterfaceName()
        + "\",\"mac\":\"ee:ee:ee:ee:ee:ee\",\"ipv4_nets\":[\"" + address + "/32\"],\"ipv6_nets\":[],"
        + "\"profile_ids\":[\"prod\"],\"labels\":{}}");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Eventually.await(condition, what, PATIENCE);
  }

  /** The memory store, with an off switch for reads and a way to end every watch as a lost connection would. */
  private static final class BreakableStore extends ForwardingKeyValueStore {
    final AtomicInteger lists = new AtomicInteger();
    final List<WatchListener> listeners = new CopyOnWriteArrayList<>();
    volatile boolean down;

    BreakableStore(MemoryKeyValueStore delegate) {
      super(delegate);
    }

    @Override
    public Listing list(String prefix) {
      lists.incrementAndGet();
      if (down) {
        throw new DatastoreUnavailableException("memory", "the test took it down", null);
      }
      return super.list(prefix);
    }

    @Override
    public Watch watch(String prefix, long afterRevision, WatchListener listener) {
      if (down) {
        throw new DatastoreUnavailableException("memory", "the test took it down", null);
      }
      listeners.add(listener);
      Watch watch = super.watch(prefix, afterRevision, listener);
      return () -> {
        listeners.remove(listener);
        watch.close();
      };
    }

    void endWatches(String why) {
      listeners.forEach(listener -> listener.onError(new DatastoreUnavailableException("memory", why, null)));
    }
  }
}
