package org.calicomesos.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The steps of one request under test: each mutating call of its store or dataplane, numbered and named
 * ({@code allocate#2 after update /calico/ipam/v2/handle/u1 (handle)}), appended to {@code log} as it returns. Armed
 * for step N, it halts the JVM right after that call, with SIGKILL's status: the write is made, nothing after it is.
 */
final class StepCounter {
  /** What a shell reports for a process killed by SIGKILL (128 + 9); the matrix tells a halt from a failure by it. */
  static final int KILLED = 137;

  private final String request;
  private final int haltAfter;
  private final Path log;
  private int steps;

  /** @param haltAfter the step to halt after, or 0 to count and name the steps only */
  StepCounter(String request, int haltAfter, Path log) {
    this.request = request;
    this.haltAfter = haltAfter;
    this.log = log;
  }

  /** Called as a mutating call returns (or throws): {@code what} names the call and its subject. */
  synchronized void after(String what) {
    steps++;
    String name = request + "#" + steps + " after " + what;
    try {
      // Written before a halt can come: the matrix reads which step it killed at from here.
      Files.writeString(log, name + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot log step " + name, e);
    }
    if (steps == haltAfter) {
      Runtime.getRuntime().halt(KILLED);
    }
  }
}
