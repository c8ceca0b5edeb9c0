package org.calicomesos.app.admin.diags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code plugin-log.txt}: the end of the plugin's log ({@code CALICO_LOG_FILE}), at most {@code limit} bytes,
 * starting at a whole line. A log that does not exist yet is collected as that fact; one that cannot be read fails.
 */
final class LogTailItem implements DiagnosticItem {
  /** About the last 10,000 request lines. */
  static final int DEFAULT_LIMIT = 2 * 1024 * 1024;

  private final Supplier<Path> logFile;
  private final int limit;

  /** @param logFile where the log is; may throw when CALICO_LOG_FILE (or its neighbours) are invalid */
  LogTailItem(Supplier<Path> logFile, int limit) {
    this.logFile = logFile;
    this.limit = limit;
  }

  @Override
  public String name() {
    return "plugin-log";
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public ItemText collect() {
    Path file = logFile.get();
    try (SeekableByteChannel log = Files.newByteChannel(file)) {
      long size = log.size();
      long start = Math.max(0, size - limit);
      ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
      log.position(start);
      // Until the buffer is full or the file ends: it may be rotated meanwhile.
      int read = 0;
      while (tail.hasRemaining() && read >= 0) {
        read = log.read(tail);
      }
      String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
      if (start > 0) {
        // Cut mid-line (or mid-character): start at the next whole line.
        text = text.substring(text.indexOf('\n') + 1);
      }
      String header = "# " + file + ", " + size + " bytes" + (start > 0 ? "; its last " + limit + " from the first whole line on" : "")
          + "\n";
      return ItemText.collected(header + text);
    } catch (NoSuchFileException e) {
      return ItemText.collected("# " + file + " does not exist: nothing has logged there yet\n");
    } catch (IOException e) {
      String reason = "cannot read " + file + ": " + e;
      return ItemText.failed(reason, reason + "\n");
    }
  }
}
