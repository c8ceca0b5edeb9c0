package org.calicomesos.app.admin.diags;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.ports.CalicoMesosException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diags [--output-file PATH]}: the tar.gz an operator attaches to a bug report. */
@Command(name = "diags", description = {
    "Write a diagnostics bundle: a tar.gz to attach to a bug report.",
    "It holds the version, the configuration (without credentials), ipam check, this node's endpoints, the pools,"
        + " this node as recorded, the agent's nftables table, ip addr/link/route/rule, the end of the plugin log"
        + " (CALICO_LOG_FILE) and the agent's journal.",
    "An item that cannot be collected (the datastore is down, a tool is missing) is a file saying why, and the rest"
        + " is still collected; it exits 1 only when the archive cannot be written.",
    "Passwords, tokens and private keys are redacted, but the bundle shows this host's addresses and container ids:"
        + " look at it before you share it.",
    ""})
public final class DiagsCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String UNKNOWN_NODE = "unknown-node";

  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Option(names = "--output-file", paramLabel = "PATH",
      description = "Where to write the archive; default: calico-mesos-diags-<node>-<UTC time>.tar.gz in the current"
          + " directory. An existing file is never overwritten.")
  private Path outputFile;

  public DiagsCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Map<String, String> environment = System.getenv();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String node = nodeName();
    String bundle = "calico-mesos-diags-" + node + "-" + STAMP.format(now);
    DiagsArchive archive = DiagsArchive.create(
        (outputFile != null ? outputFile : Path.of(bundle + ".tar.gz")).toAbsolutePath().normalize());
    boolean written = false;
    try {
      SecretRedaction redaction = SecretRedaction.of(environment);
      List<CollectedItem> items = BundleContents.forThisHost(invocation, environment,
          ConfigurationReader.forThisMachine()).stream().map(item -> CollectedItem.of(item, redaction)).toList();
      DiagsReport report = new DiagsReport(archive.path(), node, now, items);
      Map<String, String> files = new LinkedHashMap<>();
      files.put("index.json", redaction.apply(JsonDocument.text(report.toJson())) + "\n");
      items.forEach(item -> files.put(item.file(), item.text()));
      archive.write(bundle, files, now);
      written = true;
      output.print(report, invocation.out());
      return 0;
    } finally {
      if (!written) {
        archive.discard();
      }
    }
  }

  /** This node's name for the file name; when the configuration cannot be read, the configuration item says why. */
  private String nodeName() {
    try {
      return invocation.useCases().nodeName().value();
    } catch (CalicoMesosException e) {
      return UNKNOWN_NODE;
    }
  }
}
