package org.calicomesos.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import org.calicomesos.app.config.ConfigurationReader;

/** {@code calico-mesos}: with no arguments the net-modules plugin, otherwise an admin command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      // Before anything else runs: the response is the only thing that may ever reach stdout, so keep a
      // private stream on the real fd 1 and point System.out at stderr for everyone else.
      FileOutputStream response = new FileOutputStream(FileDescriptor.out);
      System.setOut(System.err);
      System.exit(PluginProcess.run(System.in, response, System.err, System.getenv(), ConfigurationReader.forThisMachine()));
    }
    System.exit(AdminProcess.run(args, System.getenv(), ConfigurationReader.forThisMachine()));
  }
}
