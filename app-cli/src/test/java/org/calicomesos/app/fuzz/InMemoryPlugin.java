package org.calicomesos.app.fuzz;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.ipam.CountingStore;
import org.calicomesos.app.logging.FileLogging;
import org.calicomesos.app.pipeline.ApplicationPerRequest;
import org.calicomesos.app.pipeline.DeadlineClock;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLogging;
import org.calicomesos.app.pipeline.RequestPipeline;
import org.calicomesos.app.pipeline.ResponseSink;
import org.calicomesos.app.wiring.ObservedPluginComponent;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.policy.PolicyDataplane;

/**
 * Answers one plugin request as a plugin process would, on a fresh in-memory host: stdin read within the
 * protocol's limit, then the real {@link RequestPipeline} with the protocol's endpoint, on a memory store that
 * already holds the default pools (as any host does after its first container) and memory kernels. Every store
 * write and kernel call is counted; what the request printed or logged, and what it holds once answered (handles,
 * endpoint records, veths), is kept.
 *
 * <p>Unlike the plugin process, it opens no log file (a fuzzed {@code log_file} could name any path, and this
 * runs as root) and ignores the configuration's choice of store and dataplane: the decoders are what is tried.
 */
final class InMemoryPlugin {
  // The host's own address, which its default profile names: every real host has one.
  private static final IPAddress HOST_ADDRESS = new IPAddressString("10.0.0.1").getAddress();
  private static final ConfigurationReader READER = new ConfigurationReader(() -> "testnode");
  /** The host's own settings, as the plugin's environment has them; a fuzzed request adds its variables to these. */
  static final Map<String, String> HOST_ENVIRONMENT = Map.of("CALICO_DATASTORE", "memory");
  private static final Configuration HOST = READER.read(HOST_ENVIRONMENT);
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "fuzz-deadlines");
    thread.setDaemon(true);
    return thread;
  });

  private InMemoryPlugin() {}

  static Answer answer(PluginProtocol protocol, Map<String, String> environment, byte[] stdin) {
    CountingStore store = new CountingStore(storeWithDefaultPools());
    KernelCalls kernel = new KernelCalls();
    MemoryDataplane memoryDataplane = new MemoryDataplane().withHostAddress("eth0", HOST_ADDRESS);
    Dataplane dataplane = kernel.observe(Dataplane.class, memoryDataplane);
    PolicyDataplane policy = kernel.observe(PolicyDataplane.class, new RecordingPolicyDataplane());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    RequestPipeline pipeline = new RequestPipeline(READER, new ApplicationPerRequest(configuration -> notingFailure(
        ObservedPluginComponent.create(configuration, store, dataplane, policy), failure)),
        settings -> RequestLogging.Scope.NONE, RequestGate.OPEN, DeadlineClock.on(DEADLINES), settings -> "the log");
    Printed printed = new Printed();
    // The process's log route is global: another thread's lines may land here too (jqwik shrinks on its own
    // thread); the log is for reading a failure, nothing is asserted on it.
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FileLogging.installFallback(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      RequestPipeline.Outcome outcome = pipeline.run(read(protocol, environment, stdin), printed);
      return new Answer(List.copyOf(printed.responses), outcome.abandoned() || printed.abandoned.get(),
          store.writes.sum(), kernel.calls(), held(store), memoryDataplane.plumbed().keySet().stream()
              .map(InterfaceName::value).toList(), Optional.ofNullable(failure.get()),
          log.toString(StandardCharsets.UTF_8));
    } finally {
      FileLogging.installFallback(System.err);
    }
  }

  private static PluginRequest read(PluginProtocol protocol, Map<String, String> environment, byte[] stdin) {
    try {
      return PluginRequest.read(protocol, environment, new ByteArrayInputStream(stdin));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails to read
    }
  }

  // What a request holds once it is answered: its addresses' handles, and endpoint records (of any node: a CNI
  // network configuration may name another).
  private static List<String> held(KeyValueStore store) {
    return store.list("/").entries().stream().map(Entry::key)
        .filter(key -> key.startsWith(HOST.keys().handlePrefix()) || HOST.keys().parseEndpoint(key).isPresent())
        .toList();
  }

  private static MemoryKeyValueStore storeWithDefaultPools() {
    MemoryKeyValueStore store = new MemoryKeyValueStore();
    PoolService pools = new PoolService(store, HOST.keys(), HOST.ipam());
    pools.add(new AddPoolCommand(HOST.ipam().defaultIpv4Pool(), OptionalInt.empty(), false));
    pools.add(new AddPoolCommand(HOST.ipam().defaultIpv6Pool(), OptionalInt.empty(), false));
    return store;
  }

  /**
   * {@code application}, noting what a request's error came from as its endpoint leaves it in the request's log
   * (a refusal by the pipeline itself leaves none). Read here rather than through the process-wide
   * {@code RequestObserver}, which a shrinking thread of another property may be resetting.
   */
  private static PluginApplication notingFailure(PluginApplication application, AtomicReference<Throwable> failure) {
    return new PluginApplication() {
      @Override
      public ProtocolEndpoint endpoint(PluginProtocol protocol) {
        ProtocolEndpoint endpoint = application.endpoint(protocol);
        return (request, requestLog, gate) -> {
          try {
            return endpoint.handle(request, requestLog, gate);
          } finally {
            requestLog.failure().ifPresent(failure::set);
          }
        };
      }

      @Override
      public void warmUp() {
        application.warmUp();
      }

      @Override
      public void close() {
        application.close();
      }
    };
  }

  /** Stdout: every answer written, and whether the deadline gave the request up. */
  private static final class Printed implements ResponseSink {
    final List<PluginResponse> responses = new CopyOnWriteArrayList<>();
    final AtomicBoolean abandoned = new AtomicBoolean();

    @Override
    public void write(PluginResponse response, Optional<String> command) {
      responses.add(response);
    }

    @Override
    public void abandon() {
      abandoned.set(true);
    }
  }
}
