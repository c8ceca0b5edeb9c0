package org.calicomesos.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.calicomesos.ports.model.InvalidRequestException;

/** Reads a request stream to EOF, keeping at most a fixed number of bytes. */
public final class BoundedInput {
  // Past the cap the rest is drained, up to this much, so the writer (the Mesos agent) never sees a broken
  // pipe before it reads our answer; beyond it we stop reading and answer anyway.
  private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private BoundedInput() {}

  /** @throws InvalidRequestException when the stream holds more than {@code maxBytes} */
  public static byte[] readAll(InputStream in, int maxBytes) throws IOException {
    byte[] buffer = new byte[Math.min(maxBytes + 1, 8192)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > maxBytes) {
          drain(in);
          throw new InvalidRequestException("request is larger than " + maxBytes + " bytes");
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        return Arrays.copyOf(buffer, length);
      }
      length += read;
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long drained = 0;
    int read;
    while (drained < DRAIN_LIMIT && (read = in.read(sink)) >= 0) {
      drained += read;
    }
  }
}
