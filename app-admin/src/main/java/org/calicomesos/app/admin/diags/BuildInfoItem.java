package org.calicomesos.app.admin.diags;

import org.calicomesos.app.admin.version.BuildVersionProvider;

/** {@code version.txt}: what {@code calico-mesos --version} prints, and the JVM and OS it runs on. */
final class BuildInfoItem implements DiagnosticItem {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public ItemText collect() {
    StringBuilder text = new StringBuilder();
    for (String line : new BuildVersionProvider().getVersion()) {
      text.append(line).append('\n');
    }
    text.append("java ").append(System.getProperty("java.runtime.version")).append(" (")
        .append(System.getProperty("java.vm.name")).append(", ").append(System.getProperty("java.vendor")).append(")\n");
    text.append("os ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch")).append('\n');
    return ItemText.collected(text.toString());
  }
}
