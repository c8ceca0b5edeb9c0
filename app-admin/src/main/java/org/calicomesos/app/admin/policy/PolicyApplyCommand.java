package org.calicomesos.app.admin.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policy apply -f FILE}: every document is validated before the first policy is written. */
@Command(name = "apply", description = {"Create or replace the policies in a file.",
    "YAML or JSON, one or more documents separated by '---': kind GlobalNetworkPolicy (or GlobalNetworkPolicyList),"
        + " apiVersion projectcalico.org/v3, as Calico's docs write them. A field calico-mesos does not enforce is"
        + " refused by name. If any document is refused, nothing is written and the exit status is 1."})
final class PolicyApplyCommand implements Callable<Integer> {
  // Far more than any policy file; keeps a mistaken '-f /dev/zero' from filling the heap.
  private static final int MAX_BYTES = 16 * 1024 * 1024;

  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
      description = "The file to read; '-' reads standard input.")
  private String file;

  PolicyApplyCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    String source = file.equals("-") ? "standard input" : file;
    List<NetworkPolicy> policies = PolicyDocuments.read(source, read(source));
    output.print(new PolicyApplyReport(invocation.useCases().policies().apply(policies)), invocation.out());
    return 0;
  }

  private String read(String source) {
    try (InputStream in = file.equals("-") ? invocation.in() : Files.newInputStream(Path.of(file))) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new PolicyFileException(source + ": is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PolicyFileException(source + ": no such file");
    } catch (IOException e) {
      throw new PolicyFileException(source + ": cannot be read: " + e.getMessage());
    }
  }
}
