package org.calicomesos.app.admin.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code calico-mesos --version} prints, read from the two small files the build leaves next to this class.
 * Picocli asks only when --version is given, so no other command (and never the plugin) reads them.
 */
public final class BuildVersionProvider implements IVersionProvider {
  static final String VERSION_FILE = "build-version.properties";
  static final String COMMIT_FILE = "build-commit.properties";

  private final Function<String, InputStream> resources;

  public BuildVersionProvider() {
    this(BuildVersionProvider.class::getResourceAsStream);
  }

  /** @param resources opens a file by name, or returns null when there is none */
  BuildVersionProvider(Function<String, InputStream> resources) {
    this.resources = resources;
  }

  @Override
  public String[] getVersion() {
    return new String[] {BuildVersion.of(read(VERSION_FILE), read(COMMIT_FILE)).line()};
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
