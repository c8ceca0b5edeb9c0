package org.calicomesos.app.agent.serving;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of the requests the agent answered, by command and outcome, and latency percentiles over each
 * command's most recent requests (a window, so that an old slow spell does not hide today's numbers).
 */
final class RequestStatistics {
  static final int WINDOW = 1024;

  private final Map<String, CommandRecord> byCommand = new TreeMap<>();

  synchronized void record(String command, boolean succeeded, long durationNanos) {
    byCommand.computeIfAbsent(command, name -> new CommandRecord()).add(succeeded, durationNanos);
  }

  /** A consistent copy, for the status report. */
  synchronized Map<String, CommandSummary> summary() {
    Map<String, CommandSummary> summary = new TreeMap<>();
    byCommand.forEach((command, record) -> summary.put(command, record.summary()));
    return summary;
  }

  /** What {@code status} shows for one command; durations in milliseconds over the recent window. */
  record CommandSummary(long succeeded, long failed, double p50Millis, double p90Millis, double p99Millis,
      double maxMillis) {}

  private static final class CommandRecord {
    private long succeeded;
    private long failed;
    private final long[] recentNanos = new long[WINDOW];
    private int recorded;

    void add(boolean ok, long nanos) {
      if (ok) {
        succeeded++;
      } else {
        failed++;
      }
      recentNanos[recorded % WINDOW] = nanos;
      recorded++;
    }

    CommandSummary summary() {
      long[] sorted = Arrays.copyOf(recentNanos, Math.min(recorded, WINDOW));
      Arrays.sort(sorted);
      return new CommandSummary(succeeded, failed, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
          millis(sorted, 1.0));
    }

    // Nearest rank: the smallest value with at least that share of the window at or below it.
    private static double millis(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(quantile * sorted.length);
      return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
  }
}
