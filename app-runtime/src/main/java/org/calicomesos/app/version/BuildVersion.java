package org.calicomesos.app.version;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The build a jar came from: its Maven version and, when it was built in a git checkout, the abbreviated
 * commit and whether the working tree had uncommitted changes. Values are checked, not trusted: a missing or
 * odd-looking one reads as unknown rather than printing whatever the file holds.
 */
record BuildVersion(String version, Optional<String> commit, boolean modified) {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{4,40}");

  /**
   * @param versionFile build-version.properties (Maven's resource filtering), or empty ones if missing
   * @param commitFile build-commit.properties (git-commit-id-maven-plugin), or empty ones if the build had no git
   */
  static BuildVersion of(Properties versionFile, Properties commitFile) {
    String version = versionFile.getProperty("version", "");
    Optional<String> commit = Optional.of(commitFile.getProperty("git.commit.id.abbrev", ""))
        .filter(value -> COMMIT.matcher(value).matches());
    return new BuildVersion(VERSION.matcher(version).matches() ? version : "unknown", commit,
        commit.isPresent() && "true".equals(commitFile.getProperty("git.dirty")));
  }

  /** {@code calico-mesos 0.1.0 (commit 1a2b3c4)}, {@code (commit 1a2b3c4, modified)} or {@code (commit unknown)}. */
  String line() {
    return "calico-mesos " + version + " (commit " + commit.orElse("unknown") + (modified ? ", modified" : "") + ")";
  }
}
