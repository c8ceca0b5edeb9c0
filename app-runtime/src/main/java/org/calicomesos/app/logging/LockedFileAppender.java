package org.calicomesos.app.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends each line to one log file that many plugin processes share, rotating it by size.
 *
 * <p>Every line is written while holding an exclusive {@link FileLock} on a sibling {@code .lock} file (a
 * stable inode, unlike the log file, which rotation renames), and rotation happens under the same lock, so no
 * line is lost or split and no two processes rotate at once. (JUL's {@code FileHandler} instead writes to a
 * fresh {@code isolator.log.1} while another process holds its {@code .lck} file, scattering the lines of
 * concurrent plugin processes over per-process files.)
 */
final class LockedFileAppender implements LineSink {
  private final Path file;
  private final Path lockFile;
  private final long limitBytes;
  private final int generations;
  private final PrintStream stderr;
  private boolean failureReported;

  /**
   * Opens (creating if needed) the log and lock files once, so an unusable location fails here and the
   * caller can fall back to stderr. A later write failure is reported on {@code stderr}, once.
   */
  LockedFileAppender(Path file, long limitBytes, int generations, PrintStream stderr) throws IOException {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.limitBytes = limitBytes;
    this.generations = generations;
    this.stderr = stderr;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (FileChannel log = openLog(); FileChannel lock = openLock()) {
      // Both open: the location is usable.
    }
  }

  @Override
  public void write(String line) {
    append(line.getBytes(StandardCharsets.UTF_8));
  }

  // synchronized: a FileLock is held per JVM, so threads of one process must take turns before taking it.
  private synchronized void append(byte[] bytes) {
    try (FileChannel lock = openLock(); FileLock held = lock.lock()) {
      if (Files.exists(file) && Files.size(file) + bytes.length > limitBytes) {
        rotate();
      }
      try (FileChannel log = openLog()) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          log.write(buffer);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Once, like JUL's ErrorManager: a full disk should not double every log line on stderr.
      if (!failureReported) {
        failureReported = true;
        stderr.println("calico-mesos: warning: cannot write to log file " + file + " (" + e + ")");
      }
    }
  }

  /** file.(n-1) → file.n, …, file → file.1; the oldest generation falls off. Runs under the lock. */
  private void rotate() throws IOException {
    Files.deleteIfExists(generation(generations));
    for (int i = generations - 1; i >= 1; i--) {
      moveIfExists(generation(i), generation(i + 1));
    }
    moveIfExists(file, generation(1));
  }

  private static void moveIfExists(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      // Nothing to move: this generation was never written.
    }
  }

  private Path generation(int n) {
    return file.resolveSibling(file.getFileName() + "." + n);
  }

  private FileChannel openLog() throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private FileChannel openLock() throws IOException {
    return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }
}
