package org.calicomesos.app.admin.routing;

import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.routing.bgp.AsNumber;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses the BGP commands' arguments; a wrong one is a usage error (exit 2), found before the datastore is read. */
final class BgpArguments {
  private BgpArguments() {}

  static AsNumber asNumber(CommandSpec command, String what, String text) {
    try {
      return new AsNumber(Long.parseLong(text.strip()));
    } catch (IllegalArgumentException e) { // NumberFormatException is one
      throw new ParameterException(command.commandLine(), what + " '" + Excerpt.of(text)
          + "' must be a whole number from 1 to 4294967295");
    }
  }
}
