package org.calicomesos.app.logging;

/** Somewhere a finished log line (newline included) is written whole. */
interface LineSink {
  void write(String line);
}
