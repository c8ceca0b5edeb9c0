package org.calicomesos.adapters.iproute2;

/** How a command ended; {@code stderr} is stripped of surrounding white space. */
record CommandResult(int exitCode, String stdout, String stderr) {
  boolean succeeded() {
    return exitCode == 0;
  }

  /** The first line of stderr, which for {@code ip} is the kernel's answer ("RTNETLINK answers: File exists"). */
  String reason() {
    String first = stderr.lines().findFirst().orElse("");
    return first.isEmpty() ? "exit status " + exitCode : first;
  }

  /**
   * For {@code ip -batch}: the 1-based number of the line that failed ("Command failed -:3"), or 0 if not said.
   */
  int failedBatchLine() {
    int at = stderr.lastIndexOf("Command failed -:");
    if (at < 0) {
      return 0;
    }
    String digits = stderr.substring(at + "Command failed -:".length()).replaceAll("\\D.*$", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }
}
