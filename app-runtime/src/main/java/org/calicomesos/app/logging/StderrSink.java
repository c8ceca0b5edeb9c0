package org.calicomesos.app.logging;

import java.io.PrintStream;

/** Writes lines to a stderr stream, flushed at once; never to stdout, which holds the plugin's response. */
final class StderrSink implements LineSink {
  private final PrintStream stderr;

  StderrSink(PrintStream stderr) {
    this.stderr = stderr;
  }

  @Override
  public void write(String line) {
    // One print per line: PrintStream locks per call, so threads do not split each other's lines.
    stderr.print(line);
    stderr.flush();
  }
}
