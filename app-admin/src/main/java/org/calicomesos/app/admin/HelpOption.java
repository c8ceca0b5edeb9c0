package org.calicomesos.app.admin;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option every admin command carries (--version is the root command's alone). */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean requested;
}
