package org.calicomesos.app.admin.version;

import org.calicomesos.app.version.BuildVersionFiles;
import picocli.CommandLine.IVersionProvider;

/** What {@code calico-mesos --version} prints; picocli asks only when --version is given. */
public final class BuildVersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {new BuildVersionFiles().line()};
  }
}
