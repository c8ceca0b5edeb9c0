package org.calicomesos.adapters.bird;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what bird or birdc printed on failure into the one line an operator reads in the agent's log. */
final class BirdErrors {
  // "bird: /etc/bird/.bird.conf.calico-mesos-123:17:1 Multihop BGP cannot use direct gateway mode" (bird -p) or
  // "/etc/bird/bird.conf:17:1 syntax error, unexpected GARBAGE" (birdc configure): the temporary file's name
  // means nothing to the reader, the line does.
  private static final Pattern LOCATED = Pattern.compile("^(?:bird: )?\\S+:(\\d+):\\d+ (.*)$");
  private static final int MAX_REASON = 300;
  static final String NOT_RUNNING = "Unable to connect to server control socket";

  private BirdErrors() {}

  static String firstError(String output, int exitStatus) {
    String reason = output.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("BIRD ") && !line.startsWith("Reading configuration"))
        .findFirst()
        .map(BirdErrors::located)
        .orElse("exit status " + exitStatus);
    String oneLine = reason.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
  }

  /** birdc says this, and exits 1, when no BIRD listens on the socket (missing or stale). */
  static boolean notRunning(String output) {
    return output.contains(NOT_RUNNING);
  }

  private static String located(String line) {
    Matcher located = LOCATED.matcher(line);
    return located.matches() ? "line " + located.group(1) + ": " + located.group(2)
        : line.startsWith("bird: ") ? line.substring("bird: ".length()) : line;
  }
}
