package org.calicomesos.app.admin.modules;

import org.calicomesos.ports.model.InvalidRequestException;

/**
 * Checks a path before it goes into modules.json. The agent resolves it from its own working directory, so
 * only an absolute path means the same there; control characters have no place in a file an operator reads.
 */
final class ModulePath {
  private ModulePath() {}

  /**
   * A command the isolator runs: it splits the value on spaces into the program and its arguments, so a
   * path with a space would run something else.
   *
   * @param name how the message names the value: "--plugin", or the launcher's path for the default
   */
  static String command(String name, String path) {
    absolute(name, path);
    if (hasSpace(path)) {
      throw new InvalidRequestException(name + " '" + path + "' contains a space, and the isolator splits the command"
          + " on spaces into arguments; use a path without spaces (a symlink such as /calico/calico_mesos will do)");
    }
    return path;
  }

  /** The library Mesos loads. dlopen would take a space, but the rule is kept for both paths: one rule to read. */
  static String library(String name, String path) {
    absolute(name, path);
    if (hasSpace(path)) {
      throw new InvalidRequestException(name + " '" + path + "' must not contain spaces");
    }
    return path;
  }

  private static void absolute(String name, String path) {
    if (path.chars().anyMatch(Character::isISOControl)) {
      // Not echoed: the value itself would garble the terminal line the message is on.
      throw new InvalidRequestException(name + " must not contain control characters");
    }
    if (!path.startsWith("/")) {
      throw new InvalidRequestException(name + " '" + path + "' must be an absolute path");
    }
  }

  private static boolean hasSpace(String path) {
    return path.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }
}
