package org.calicomesos.app.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's id, which tells apart the lines of the plugin processes that share one log file. */
final class ProcessId {
  private ProcessId() {}

  /**
   * Read from the {@code /proc/self} link on Linux, because {@code ProcessHandle.current()} also sets up the
   * JDK's process-reaper thread pool, which a plugin process never uses.
   */
  static long current() {
    try {
      return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
    } catch (IOException | RuntimeException e) {
      return ProcessHandle.current().pid();
    }
  }
}
