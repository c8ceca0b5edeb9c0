package org.calicomesos.app.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends each record to one log file that many plugin processes share, rotating it by size.
 *
 * <p>JUL's {@code FileHandler} is not enough here: when another process holds its {@code .lck} file it
 * writes to a fresh {@code isolator.log.1} (and so on) instead, so concurrent plugin processes would scatter
 * their lines over per-process files. Instead every record is written while holding an exclusive
 * {@link FileLock} on a sibling {@code .lock} file (a stable inode, unlike the log file, which rotation
 * renames), and rotation happens under the same lock, so no line is lost or split and no two processes
 * rotate at once.
 */
final class LockedFileHandler extends Handler {
  private final Path file;
  private final Path lockFile;
  private final long limitBytes;
  private final int generations;

  /**
   * Opens (creating if needed) the log and lock files once, so an unusable location fails here and the
   * caller can fall back to stderr.
   */
  LockedFileHandler(Path file, long limitBytes, int generations) throws IOException {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.limitBytes = limitBytes;
    this.generations = generations;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (FileChannel log = openLog(); FileChannel lock = openLock()) {
      // Both open: the location is usable.
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line;
    try {
      line = getFormatter().format(record);
    } catch (RuntimeException e) {
      reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
      return;
    }
    append(line.getBytes(StandardCharsets.UTF_8));
  }

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
      reportError("cannot write to " + file, e instanceof Exception ? (Exception) e : null, ErrorManager.WRITE_FAILURE);
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

  @Override
  public void flush() {
    // Every record is written through before publish returns.
  }

  @Override
  public void close() {
    // No file stays open between records.
  }
}
