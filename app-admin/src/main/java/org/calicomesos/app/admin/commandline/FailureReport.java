package org.calicomesos.app.admin.commandline;

import java.io.PrintStream;
import org.calicomesos.ports.CalicoMesosException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a failure into its exit status and one line on stderr: a usage error (2) with a hint at --help, a
 * refusal of the datastore or the IPAM (1) with its message, and anything unexpected (1) with its stack trace.
 */
final class FailureReport implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int FAILED = 1;
  static final int MISUSED = 2;

  private final PrintStream err;

  FailureReport(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    err.println("error: " + oneLine(lowerFirst(withoutErrorPrefix(e.getMessage()))) + suggestion(e));
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
    return MISUSED;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (e instanceof CalicoMesosException) {
      err.println("error: " + oneLine(e.getMessage()));
    } else {
      // A bug, not an operator's mistake: keep the trace, it is what a bug report needs.
      err.println("error: unexpected failure: " + oneLine(String.valueOf(e)));
      e.printStackTrace(err);
    }
    return FAILED;
  }

  /** Picocli's argument-group messages start with their own "Error: ". */
  private static String withoutErrorPrefix(String message) {
    return message != null && message.regionMatches(true, 0, "error: ", 0, 7) ? message.substring(7) : message;
  }

  private static String suggestion(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    return "";
  }

  /** Picocli writes "Missing required ..."; our messages are lower case. Acronyms ("CIDR", "IP") stay. */
  private static String lowerFirst(String message) {
    if (message == null || message.length() < 2 || !Character.isLowerCase(message.charAt(1))) {
      return String.valueOf(message);
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  private static String oneLine(String message) {
    return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
