package org.calicomesos.app.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;

/**
 * The version line ({@code calico-mesos --version}, the agent's {@code status}, a host's registration), read from
 * the two small files the build leaves next to this class. Read only when asked, so never by a plugin request.
 */
public final class BuildVersionFiles {
  static final String VERSION_FILE = "build-version.properties";
  static final String COMMIT_FILE = "build-commit.properties";

  private final Function<String, InputStream> resources;

  public BuildVersionFiles() {
    this(BuildVersionFiles.class::getResourceAsStream);
  }

  /** @param resources opens a file by name, or returns null when there is none */
  BuildVersionFiles(Function<String, InputStream> resources) {
    this.resources = resources;
  }

  /** {@code calico-mesos 0.1.0 (commit 1a2b3c4)}; see {@link BuildVersion#line()}. */
  public String line() {
    return BuildVersion.of(read(VERSION_FILE), read(COMMIT_FILE)).line();
  }

  private Properties read(String name) {
    Properties properties = new Properties();
    InputStream in = resources.apply(name);
    if (in == null) {
      return properties;
    }
    try (in) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the calico-mesos jar", e);
    }
  }
}
