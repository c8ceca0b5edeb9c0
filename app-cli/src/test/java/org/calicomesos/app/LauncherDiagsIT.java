package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.calicomesos.testkit.server.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calico-mesos diags} through bin/calico-mesos on a real SQLite store, the archive unpacked here: each item is
 * a file with what it should hold, credentials never appear in it (not even when the log carries them), and a
 * datastore that is down costs its items, not the bundle. Reads the kernel (ip, nft list), never changes it.
 */
class LauncherDiagsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "etcd-pass-7f3a9c";
  private static final String TOKEN = "consul-token-2b8e41";
  private static final String KEY_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
  private static final String LOG_LINE = "diags-it: the line this test looks for";

  @TempDir Path dir;

  private Path keyFile;

  @BeforeEach
  void logWithSecretsInIt() throws IOException {
    keyFile = dir.resolve("client.key");
    String key = "-----BEGIN PRIVATE KEY-----\n" + KEY_LINE + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(keyFile, key);
    // Nothing of ours logs credentials; the log stands in for anything collected that might.
    Files.writeString(dir.resolve("isolator.log"), "leaked password=" + PASSWORD + " token=" + TOKEN + "\n" + key
        + LOG_LINE + "\n");
  }

  @Test
  void theBundleHoldsEveryItemAndNoSecret() throws Exception {
    LauncherRun allocated = LauncherRun.of(LauncherStorm.LAUNCHER, dir, sqliteEnvironment(),
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"it-node\",\"uid\":\"uid-1\",\"num_ipv4\":1,\"num_ipv6\":0}}");
    assertThat(allocated.status()).as(allocated.stdout() + allocated.stderr()).isZero();
    Path archive = dir.resolve("d.tar.gz");

    JsonNode report = diags(sqliteEnvironment(), archive);
    Map<String, String> files = unpack(archive);

    assertThat(report.get("path").asText()).isEqualTo(archive.toString());
    assertThat(report.get("node").asText()).isEqualTo("it-node");
    assertThat(report.get("items").findValuesAsText("ok")).as(report.toString()).containsOnly("true");
    assertThat(files.keySet()).allMatch(name -> name.startsWith("calico-mesos-diags-it-node-"));
    assertThat(files.keySet().stream().map(name -> name.substring(name.indexOf('/') + 1)))
        .containsExactlyInAnyOrder("index.json", "version.txt", "configuration.txt", "ipam-check.json",
            "endpoints.json", "pools.json", "node.json", "nft-table.txt", "ip-addr.txt", "ip-link.txt",
            "ip-route.txt", "ip-6-route.txt", "ip-rule.txt", "plugin-log.txt", "agent-journal.txt");
    JsonNode check = JSON.readTree(file(files, "ipam-check.json"));
    assertThat(check.get("allocated").asInt()).isEqualTo(1);
    assertThat(check.get("clean").asBoolean()).isTrue();
    assertThat(JSON.readTree(file(files, "endpoints.json")).get("host").asText()).isEqualTo("it-node");
    assertThat(JSON.readTree(file(files, "pools.json")).get("pools").findValuesAsText("cidr"))
        .contains("192.168.0.0/16");
    assertThat(file(files, "version.txt")).startsWith("calico-mesos ");
    assertThat(file(files, "configuration.txt")).contains("node it-node")
        .contains("credential variables set: ETCD_KEY_FILE ETCD_PASSWORD CONSUL_HTTP_TOKEN");
    assertThat(file(files, "ip-addr.txt")).startsWith("$ ip -d addr\n").contains("127.0.0.1");
    assertThat(file(files, "nft-table.txt")).startsWith("$ nft list table inet calico_mesos\n");
    assertThat(file(files, "plugin-log.txt")).contains(LOG_LINE);
    assertThat(files.values()).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD, TOKEN, KEY_LINE));
    assertThat(file(files, "plugin-log.txt")).contains("password=<redacted>");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
  }

  @Test
  void aDatastoreThatIsDownFailsItsItemsAndTheBundleIsStillWritten() throws Exception {
    Map<String, String> environment = Map.of("CALICO_DATASTORE", "etcd",
        "ETCD_ENDPOINTS", "http://127.0.0.1:" + FreePorts.take(1)[0], "CALICO_REQUEST_TIMEOUT", "2",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(), "CALICO_NODENAME", "it-node");
    Path archive = dir.resolve("down.tar.gz");

    JsonNode report = diags(environment, archive);
    Map<String, String> files = unpack(archive);

    Map<String, JsonNode> items = new LinkedHashMap<>();
    report.get("items").forEach(item -> items.put(item.get("name").asText(), item));
    assertThat(items.get("ipam-check").get("ok").asBoolean()).isFalse();
    assertThat(items.get("ipam-check").get("failure").asText()).startsWith("cannot reach etcd at http://127.0.0.1:");
    assertThat(file(files, "ipam-check.failed.txt")).startsWith("$ calico-mesos ipam check -o json\n")
        .contains("error: cannot reach etcd");
    assertThat(items.get("ip-addr").get("ok").asBoolean()).isTrue();
    assertThat(file(files, "plugin-log.txt")).contains(LOG_LINE);
  }

  @Test
  void anExistingFileIsNeitherOverwrittenNorABundle() throws Exception {
    Path existing = Files.writeString(dir.resolve("taken.tar.gz"), "mine");

    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, sqliteEnvironment(), "", "diags", "--output-file",
        existing.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).isEqualTo("error: cannot write the diagnostics archive " + existing
        + ": it already exists; remove it or choose another --output-file\n");
    assertThat(Files.readString(existing)).isEqualTo("mine");
  }

  private JsonNode diags(Map<String, String> environment, Path archive) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, environment, "", "diags", "--output-file",
        archive.toString(), "--output", "json");
    assertThat(run.status()).as(run.stderr()).isZero();
    return JSON.readTree(run.stdout());
  }

  private Map<String, String> sqliteEnvironment() {
    return Map.of("CALICO_DATASTORE", "sqlite", "CALICO_SQLITE_PATH", dir.resolve("store.db").toString(),
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(), "CALICO_NODENAME", "it-node",
        "ETCD_PASSWORD", PASSWORD, "CONSUL_HTTP_TOKEN", TOKEN, "ETCD_KEY_FILE", keyFile.toString());
  }

  /** Every file in the archive by its path, as text. */
  private static Map<String, String> unpack(Path archive) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static String file(Map<String, String> files, String name) {
    return files.entrySet().stream().filter(entry -> entry.getKey().endsWith("/" + name)).map(Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + files.keySet()));
  }
}
