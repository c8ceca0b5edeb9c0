package org.calicomesos.app.admin;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option every admin command carries (without picocli's --version, which we have no use for). */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean requested;
}
