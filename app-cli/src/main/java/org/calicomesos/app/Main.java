package org.calicomesos.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Arrays;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.SpokenProtocols;

/**
 * {@code calico-mesos}: with no arguments a plugin (net-modules, or CNI when {@code CNI_COMMAND} is set; the
 * launcher names which in {@code -Dcalico.protocol}), {@code agent ...} this host's agent, anything
 * else an admin command. Each entry point is wired here and knows none of the others.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      // Before anything else runs: the response is the only thing that may ever reach stdout, so keep a
      // private stream on the real fd 1 and point System.out at stderr for everyone else.
      FileOutputStream response = new FileOutputStream(FileDescriptor.out);
      System.setOut(System.err);
      System.exit(PluginProcess.run(SpokenProtocols.forPluginProcess(System.getProperty("calico.protocol"),
          System.getenv()), System.in, response, System.err, System.getenv(), ConfigurationReader.forThisMachine()));
    }
    if (args[0].equals("agent")) {
      System.exit(AgentEntryPoint.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(),
          ConfigurationReader.forThisMachine()));
    }
    System.exit(AdminProcess.run(args, System.getenv(), ConfigurationReader.forThisMachine()));
  }
}
