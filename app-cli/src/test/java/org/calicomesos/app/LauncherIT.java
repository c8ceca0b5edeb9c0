package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Drives the checked-in bin/calico-mesos on the built jar, as the Mesos agent does: JSON in, JSON out. */
class LauncherIT {
  // What the plugin's own JVM does (classes it loads, its options, its stderr): with the agent serving there is none.
  private static final String IN_PROCESS_ONLY = "tests the plugin's own JVM, which the agent spares";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Path.of(System.getProperty("calico.repo", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = REPO.resolve("bin/calico-mesos");
  private static final String CLEANUP = "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"agent1\",\"container_id\":\"c-1\"}}";

  @TempDir
  Path dir;

  private Map<String, String> env;

  @BeforeEach
  void environment() {
    env = new HashMap<>(Map.of(
        "CALICO_SQLITE_PATH", dir.resolve("state/store.db").toString(),
        "CALICO_LOG_FILE", dir.resolve("log/isolator.log").toString(),
        "CALICO_NODENAME", "it-node"));
  }

  static Stream<List<String>> failingRequests() {
    return Stream.of(
        List.of("", "request is empty"),
        List.of("{oops", "request is not valid JSON"),
        List.of("\"allocate\"", "request must be a JSON object"),
        List.of("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"num_ipv4\":-3}}", "num_ipv4 must be between 0 and 256"),
        List.of("{\"command\":\"reserve\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"ipv4_addrs\":[\"fd00::1\"]}}", "ipv4_addrs 'fd00::1' is an IPv6 address"),
        List.of("{\"command\":\"release\",\"args\":{}}", "release needs either uid or ips"),
        List.of("{\"command\":\"fly\",\"args\":{}}", "unknown command 'fly'"),
        List.of("{\"command\":\"cleanup\",\"args\":{\"hostname\":\"a\",\"container_id\":\"c/1\"}}", "container_id 'c/1' may hold only letters"),
        List.of("{\"command\":\"allocate\",\"args\":{\"x\":\"" + "y".repeat(1_100_000) + "\"}}", "request is larger than 1048576 bytes"));
  }

  @ParameterizedTest
  @MethodSource("failingRequests")
  void everyFailurePrintsExactlyOneJsonObjectAndExitsOne(List<String> request) throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, dir, env, request.get(0));

    assertThat(run.status()).isEqualTo(1);
    assertThat(errorOf(run)).contains(request.get(1));
  }

  @Test
  void badConfigurationIsStillJson() throws Exception {
    env.put("CALICO_DATASTORE", "zookeeper");

    LauncherRun run = LauncherRun.of(LAUNCHER, dir, env, CLEANUP);

    assertThat(run.status()).isEqualTo(1);
    assertThat(errorOf(run)).startsWith("CALICO_DATASTORE 'zookeeper' is not one of");
  }

  @Test
  void worksThroughASymlinkFromAnotherDirectory() throws Exception {
    Path linkDir = Files.createDirectories(dir.resolve("calico"));
    Path link = Files.createSymbolicLink(linkDir.resolve("calico_mesos"), LAUNCHER);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

    LauncherRun run = LauncherRun.of(link, elsewhere, env, CLEANUP);

    assertThat(run.stdout()).isEqualTo("{\"error\":null}\n");
    assertThat(Files.readAllLines(dir.resolve("log/isolator.log"))).last().asString()
        .contains("request command=cleanup container=c-1 uid=- hostname=agent1 outcome=ok duration_ms=");
  }

  @Test
  void versionNamesTheCommitTheJarWasBuiltFrom() throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, dir, env, "", "--version");

    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    Matcher line = Pattern.compile("calico-mesos \\d\\S* \\(commit ([0-9a-f]{7,40}|unknown)(, modified)?\\)\n")
        .matcher(run.stdout());
    assertThat(line.matches()).as(run.stdout()).isTrue();

    // A source tarball has no commit to compare with; CI is a clone, so this runs there.
    Assumptions.assumeTrue(Files.exists(REPO.resolve(".git")), "not a git checkout");
    // git-commit-id-maven-plugin reads the main checkout's HEAD from a linked `git worktree` (upstream #882).
    Assumptions.assumeTrue(Files.isDirectory(REPO.resolve(".git")), "a linked git worktree");
    assertThat(git("rev-parse", "HEAD")).startsWith(line.group(1));
    boolean modified = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
    assertThat(line.group(2) != null).as("', modified' while the checkout has changes").isEqualTo(modified);
  }

  @Test
  void modulesJsonNamesTheLauncherItWasRunThroughWithSymlinksResolved() throws Exception {
    Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("calico")).resolve("calico_mesos"), LAUNCHER);

    LauncherRun run = LauncherRun.of(link, dir, env, "", "modules-json");

    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    JsonNode library = JSON.readTree(run.stdout()).at("/libraries/0");
    assertThat(library.get("file").textValue()).isEqualTo("/opt/net-modules/libmesos_network_isolator.so");
    JsonNode parameters = library.at("/modules/0/parameters");
    assertThat(parameters.findValuesAsText("key")).containsExactly("ipam_command", "isolator_command");
    assertThat(parameters.findValuesAsText("value")).containsOnly(LAUNCHER.toRealPath().toString()).hasSize(2);
    assertThat(library.at("/modules").findValuesAsText("name"))
        .containsExactly("com_mesosphere_mesos_NetworkIsolator", "com_mesosphere_mesos_NetworkHook");
  }

  // The version line and picocli belong to the admin CLI; a plugin request must not pay for loading them.
  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void aPluginRequestLoadsNoneOfTheAdminCli() throws Exception {
    Path classes = dir.resolve("classes.txt");
    env.put("CALICO_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

    assertThat(LauncherRun.of(LAUNCHER, dir, env, CLEANUP).stdout()).isEqualTo("{\"error\":null}\n");

    assertThat(Files.readString(classes)).contains("org.calicomesos.app.PluginProcess")
        .doesNotContain("picocli.", "org.calicomesos.app.admin.version.", "org.calicomesos.app.admin.modules.");
  }

  @Test
  void concurrentProcessesShareOneLogFile() throws Exception {
    List<CompletableFuture<LauncherRun>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          return LauncherRun.of(LAUNCHER, dir, env, CLEANUP);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (CompletableFuture<LauncherRun> run : runs) {
      assertThat(run.join().stdout()).isEqualTo("{\"error\":null}\n");
    }
    assertThat(Files.readAllLines(dir.resolve("log/isolator.log")).stream().filter(line -> line.contains("command=cleanup")))
        .hasSize(4).allSatisfy(line -> assertThat(line).contains(" outcome=ok "));
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("isolator.log", "isolator.log.lock");
    }
  }

  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void anUnwritableLogFallsBackToStderrAndStdoutStaysClean() throws Exception {
    env.put("CALICO_LOG_FILE", "/proc/no-such-dir/isolator.log");

    LauncherRun run = LauncherRun.of(LAUNCHER, dir, env, CLEANUP);

    assertThat(run.stdout()).isEqualTo("{\"error\":null}\n");
    assertThat(run.stderr()).contains("warning: cannot open log file /proc/no-such-dir/isolator.log").contains("command=cleanup");
  }

  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void onlyTheChosenDatastoreAdapterIsEverLoaded() throws Exception {
    String allocate = "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":0}}";
    Path memoryRun = dir.resolve("memory-classes.txt");
    Path sqliteRun = dir.resolve("sqlite-classes.txt");

    env.put("CALICO_DATASTORE", "memory");
    env.put("CALICO_JAVA_OPTS", "-Xlog:class+load=info:file=" + memoryRun);
    LauncherRun.of(LAUNCHER, dir, env, allocate);
    env.put("CALICO_DATASTORE", "sqlite");
    env.put("CALICO_JAVA_OPTS", "-Xlog:class+load=info:file=" + sqliteRun);
    LauncherRun.of(LAUNCHER, dir, env, allocate);

    assertThat(Files.readString(memoryRun)).contains("org.calicomesos.adapters.memory.")
        .doesNotContain("org.calicomesos.adapters.sqlite.SqliteKeyValueStore", "org.sqlite.");
    assertThat(Files.readString(sqliteRun)).contains("org.calicomesos.adapters.sqlite.")
        .doesNotContain("org.calicomesos.adapters.memory.MemoryKeyValueStore");
  }

  // JUL's start-up (~12 ms) would come back with any library that logs through it: sqlite-jdbc does unless
  // SLF4J is on the classpath, which is why app-cli carries slf4j-api and SystemLoggerSlf4jProvider.
  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void noRequestStartsJavaUtilLogging() throws Exception {
    String allocate = "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":1}}";
    for (String datastore : List.of("memory", "sqlite")) {
      Path classes = dir.resolve(datastore + "-classes.txt");
      env.put("CALICO_DATASTORE", datastore);
      env.put("CALICO_LOG_LEVEL", "debug");
      env.put("CALICO_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

      for (String request : List.of(allocate, "{\"command\":\"release\",\"args\":{\"uid\":\"u1\"}}")) {
        ok(LauncherRun.of(LAUNCHER, dir, env, request));

        assertThat(Files.readString(classes)).as(datastore + ": " + request)
            .contains("org.calicomesos.app.logging.CalicoLoggerFinder").doesNotContain("java.util.logging.");
      }
    }
    assertThat(Files.readAllLines(dir.resolve("log/isolator.log"))).anySatisfy(line -> assertThat(line).contains(" DEBUG "));
  }

  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void aJvmThatCannotStartIsStillAnsweredInJson() throws Exception {
    env.put("CALICO_JAVA_OPTS", "-XX:+NoSuchOption");

    LauncherRun run = LauncherRun.of(LAUNCHER, dir, env, CLEANUP);

    assertThat(errorOf(run)).startsWith("calico-mesos exited with status 1 without answering");
    assertThat(run.stderr()).contains("NoSuchOption");
  }

  @Test
  @DisabledIfSystemProperty(named = SharedAgent.PROPERTY, matches = "true", disabledReason = IN_PROCESS_ONLY)
  void anUnbuiltCheckoutAnswersInJson() throws Exception {
    Path fakeRepo = Files.createDirectories(dir.resolve("fresh-clone/bin"));
    Path launcher = Files.copy(LAUNCHER, fakeRepo.resolve("calico-mesos"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

    LauncherRun run = LauncherRun.of(launcher, dir, env, CLEANUP);

    assertThat(run.status()).isEqualTo(1);
    assertThat(errorOf(run)).isEqualTo("calico-mesos is not built: run 'mvn -DskipTests package' in "
        + dir.toRealPath().resolve("fresh-clone"));
  }

  // Needs core's IPAM and the SQLite adapter (placeholders in this branch until they land).
  @Test
  void allocateReserveReleaseOnTheSqliteStore() throws Exception {
    JsonNode allocated = ok(LauncherRun.of(LAUNCHER, dir, env,
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":0}}"));
    assertThat(allocated.get("ipv4")).hasSize(1);
    assertThat(allocated.get("ipv4").get(0).textValue()).startsWith("192.168.");

    String reserve = "{\"command\":\"reserve\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"%s\",\"ipv4_addrs\":[\"192.168.200.1\"]}}";
    ok(LauncherRun.of(LAUNCHER, dir, env, String.format(reserve, "u2")));
    assertThat(errorOf(LauncherRun.of(LAUNCHER, dir, env, String.format(reserve, "u3"))))
        .startsWith("IP 192.168.200.1 is already assigned");
    ok(LauncherRun.of(LAUNCHER, dir, env, "{\"command\":\"release\",\"args\":{\"ips\":[\"192.168.200.1\"]}}"));
    ok(LauncherRun.of(LAUNCHER, dir, env, "{\"command\":\"release\",\"args\":{\"uid\":\"u1\"}}"));
    ok(LauncherRun.of(LAUNCHER, dir, env, String.format(reserve, "u3")));
    assertThat(Files.readAllLines(dir.resolve("log/isolator.log"))).filteredOn(line -> line.contains("command=")).hasSize(6);
  }

  private static JsonNode ok(LauncherRun run) throws Exception {
    assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
    JsonNode reply = single(run);
    assertThat(reply.get("error").isNull()).isTrue();
    return reply;
  }

  private static String errorOf(LauncherRun run) throws Exception {
    assertThat(run.status()).as(run.stderr()).isEqualTo(1);
    JsonNode reply = single(run);
    assertThat(reply.size()).isEqualTo(1);
    return reply.get("error").textValue();
  }

  /** What git prints in the checkout under test, trimmed. */
  private static String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", REPO.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return out;
  }

  /** stdout holds one JSON object and a newline, nothing else. */
  private static JsonNode single(LauncherRun run) throws Exception {
    assertThat(run.stdout()).as("stdout; stderr was: " + run.stderr()).hasLineCount(1).endsWith("}\n").hasSizeLessThan(40_960);
    JsonNode reply = JSON.readTree(run.stdout());
    assertThat(reply.isObject()).isTrue();
    return reply;
  }
}
