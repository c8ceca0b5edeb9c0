package org.calicomesos.adapters.etcd;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.testkit.kv.RecordingWatchListener;

/**
 * Run in a child JVM by {@link EtcdDebrisTest}: one request's worth of store use (writes, reads, a watch),
 * then close; prints the open file descriptors before and after, and returns from main without exiting,
 * so that a non-daemon thread left behind would keep the JVM alive.
 */
public final class EtcdDebrisProbe {
  private static final java.util.List<String> LEFT = new java.util.ArrayList<>();

  private EtcdDebrisProbe() {}

  public static void main(String[] args) throws Exception {
    // The JDK keeps one socket of its own for the life of the process once NIO is first used (the
    // dispatcher's pre-close descriptor): open it now, so that only what the store leaves is counted.
    java.nio.channels.SocketChannel.open().close();
    int before = openFiles();
    try (EtcdKeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", args[0]), Duration.ofSeconds(5))) {
      store.create("/debris/k", "1");
      store.list("/debris/");
      RecordingWatchListener listener = new RecordingWatchListener();
      store.watch("/debris/", 0, listener);
      listener.awaitEvents(1, Duration.ofSeconds(10));
    }
    // gRPC releases its shared event loop a second after the last channel closes.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (openFiles() > before && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    LEFT.clear();
    System.out.println("open files before " + before + " after " + openFiles() + " " + LEFT);
  }

  /** Open descriptors other than the class path's jars (which the class loader keeps open by design). */
  private static int openFiles() {
    int count = 0;
    for (File fd : Objects.requireNonNull(new File("/proc/self/fd").listFiles())) {
      try {
        String target = Files.readSymbolicLink(fd.toPath()).toString();
        if (!target.endsWith(".jar") && !target.endsWith("/modules")) {
          count++;
          LEFT.add(target);
        }
      } catch (java.io.IOException gone) {
        // closed while listing (the listing's own descriptor)
      }
    }
    return count;
  }
}
