package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * calico-mesos as the network of a Podman container, through Podman's CNI backend (Debian 12's podman 4.3 over its
 * libcni), on SQLite: {@code podman run --network} makes the ADD that puts our address on the container's eth0, and
 * {@code podman stop} the DEL that leaves nothing behind. No image is pulled: the container's root is busybox-static
 * in a directory of the test ({@code --rootfs}); Podman's configuration, storage, state and cgroup parent are the
 * test's own, so the machine's Podman and its networks are never touched.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CniPodmanIT {
  private static final String NETWORK = "pdm-it";
  private static final String POOL = "198.18.64.0/24";

  @TempDir Path dir;

  private CniHost host;
  private Podman podman;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(podman, host);
  }

  @Test
  void podman_run_gives_the_container_our_address_and_podman_stop_frees_everything() throws Exception {
    host = CniHost.start("sqlite", dir);
    host.addPool(POOL, 28);
    // Debian 12's Podman reads results up to CNI 1.0.0 (its libcni is 1.1): a 1.1.0 conflist fails its ADD with
    // "unsupported CNI result version".
    host.install(host.conflist(NETWORK, "1.0.0", host.mainPlugin()));
    podman = Podman.start(host);

    long answered = agentAnswered();
    String id = podman.run(NETWORK, "/bin/sleep", "300");
    assertAgentAnswered(answered, "podman run");

    String cidr = onlyAddress(podman.exec(id, "ip", "-4", "-o", "addr", "show", "dev", "eth0"));
    assertThat(cidr).startsWith("198.18.64.").endsWith("/32");
    assertThat(podman.exec(id, "ip", "-4", "route", "show", "default")).contains("default via 169.254.1.1 dev eth0");
    JsonNode seen = podman.networks(id).get(NETWORK);
    assertThat(seen).as("podman inspect's networks of %s", id).isNotNull();
    assertThat(seen.get("IPAddress").asText() + "/" + seen.get("IPPrefixLen").asInt()).isEqualTo(cidr);
    String hostEnd = CniHost.hostInterface(NETWORK, id, "eth0");
    assertThat(CniHost.linkExists(hostEnd)).as("host end %s", hostEnd).isTrue();
    JsonNode endpoints = host.endpoints();
    assertThat(endpoints.findValuesAsText("container_id")).containsExactly(id);
    assertThat(endpoints.get(0).get("ipv4_nets").get(0).asText()).isEqualTo(cidr);
    assertThat(host.addressesInUse()).isEqualTo(1);

    answered = agentAnswered();
    podman.stop(id);
    assertAgentAnswered(answered, "podman stop");

    host.assertNothingHeldOf(hostEnd);
    podman.remove(id);
    host.assertNothingHeldOf(hostEnd);
  }

  private static long agentAnswered() throws IOException {
    return SharedAgent.enabled() ? SharedAgent.answered() : 0;
  }

  /** With the shared agent, it (not the plugin in-process) must have answered what Podman's libcni asked. */
  private static void assertAgentAnswered(long before, String what) throws IOException {
    if (SharedAgent.enabled()) {
      assertThat(SharedAgent.answered()).as("requests the shared agent answered for %s", what).isGreaterThan(before);
    }
  }

  private static String onlyAddress(String ipAddrOneline) {
    Matcher matcher = Pattern.compile("inet (\\S+)").matcher(ipAddrOneline);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    assertThat(found).as("IPv4 addresses on eth0: %s", ipAddrOneline).hasSize(1);
    return found.get(0);
  }

  /**
   * Podman on a private everything under {@code <host dir>/pdm-podman}: a containers.conf (given by
   * {@code CONTAINERS_CONF}) selecting the CNI backend with the host's plugin directory and network configuration
   * directory, {@code --root}/{@code --runroot} for storage and state, and a cgroup parent of its own. {@link #close}
   * removes its containers, and whatever of them a failure left: mounts, network namespaces, host ends, cgroups.
   */
  private static final class Podman implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private final Path home;
    private final String cgroupParent = "pdm-it-" + UUID.randomUUID().toString().substring(0, 8);
    /** Container name to its id (empty until {@code podman run} printed it) and its network namespace. */
    private final Map<String, String[]> containers = new LinkedHashMap<>();

    private Podman(Path home) {
      this.home = home;
    }

    static Podman start(CniHost host) throws IOException {
      Path home = Files.createDirectories(host.dir().resolve("pdm-podman"));
      Path rootfs = home.resolve("rootfs");
      for (String sub : List.of("bin", "etc", "proc", "sys", "dev", "tmp")) {
        Files.createDirectories(rootfs.resolve(sub));
      }
      Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
      for (String applet : List.of("sh", "ip", "sleep")) {
        Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
      }
      // runc: Debian 12's crun (1.8) refuses hosts with cgroups v1 and v2 mounted side by side. As root Podman raises
      // the container's nofile and nproc limits, which a runtime without CAP_SYS_RESOURCE may not: lower ones.
      String conf = """
          [containers]
          default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

          [network]
          network_backend = "cni"
          cni_plugin_dirs = ["%s", "%s"]
          network_config_dir = "%s"

          [engine]
          runtime = "runc"
          cgroup_manager = "cgroupfs"
          events_logger = "none"
          tmp_dir = "%s"
          """.formatted(host.plugin().getParent(), CniHost.REFERENCE_PLUGINS, host.netconf(),
          Files.createDirectories(home.resolve("tmp")));
      Files.writeString(home.resolve("containers.conf"), conf, StandardCharsets.UTF_8);
      return new Podman(home);
    }

    /** {@code podman run -d} of {@code command} in a new container on {@code network}; its id. */
    String run(String network, String... command) throws IOException {
      String name = "pdm-" + UUID.randomUUID().toString().substring(0, 12);
      containers.put(name, new String[] {"", ""});
      List<String> argv = new ArrayList<>(List.of("run", "-d", "--name", name, "--cgroup-parent", "/" + cgroupParent,
          "--network", network, "--rootfs", home.resolve("rootfs").toString()));
      argv.addAll(List.of(command));
      String id = succeed(argv.toArray(String[]::new)).strip();
      String netns = succeed("inspect", "--format", "{{.NetworkSettings.SandboxKey}}", id).strip();
      containers.put(name, new String[] {id, netns});
      return id;
    }

    String exec(String id, String... command) {
      List<String> argv = new ArrayList<>(List.of("exec", id));
      argv.addAll(List.of(command));
      return succeed(argv.toArray(String[]::new));
    }

    /** {@code NetworkSettings.Networks} of {@code podman inspect}: what Podman made of our result. */
    JsonNode networks(String id) throws IOException {
      return JSON.readTree(succeed("inspect", "--format", "{{json .NetworkSettings.Networks}}", id));
    }

    void stop(String id) {
      succeed("stop", "--time", "0", id);
    }

    void remove(String id) {
      succeed("rm", id);
    }

    private String succeed(String... args) {
      CniCall.Result result = podman(args);
      assertThat(result.status()).as("podman %s: %s", String.join(" ", args), result).isZero();
      return result.stdout();
    }

    private CniCall.Result podman(String... args) {
      List<String> argv = new ArrayList<>(List.of("podman", "--root", home.resolve("root").toString(),
          "--runroot", home.resolve("run").toString(), "--storage-driver", "vfs"));
      argv.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(argv);
      builder.environment().clear();
      builder.environment().putAll(Map.of("PATH", CniCall.PATH,
          "CONTAINERS_CONF", home.resolve("containers.conf").toString()));
      return CniCall.run(builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))), null);
    }

    @Override
    public void close() throws Exception {
      List<AutoCloseable> steps = new ArrayList<>();
      for (var entry : containers.entrySet()) {
        String name = entry.getKey();
        String id = entry.getValue()[0];
        String netns = entry.getValue()[1];
        // podman rm runs the DEL if the network is still up; the rest is for a Podman that failed half way.
        steps.add(() -> podman("rm", "--force", "--time", "0", name));
        if (!netns.isEmpty()) {
          steps.add(() -> {
            if (Files.exists(Path.of(netns))) {
              KernelCommand.attempt("umount", netns);
              Files.deleteIfExists(Path.of(netns));
            }
          });
        }
        if (!id.isEmpty()) {
          steps.add(() -> KernelCommand.attempt("ip", "link", "del", CniHost.hostInterface(NETWORK, id, "eth0")));
        }
      }
      containers.clear();
      steps.add(this::unmountUnderHome);
      steps.add(this::removeCgroups);
      Teardown.inOrder(steps.toArray(AutoCloseable[]::new));
    }

    /** Mounts Podman left in its storage (a container's shm), deepest first, so that the temp dir can go. */
    private void unmountUnderHome() throws IOException {
      List<String> mounts = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String point = line.split(" ")[1];
        if (point.startsWith(home + "/")) {
          mounts.add(point);
        }
      }
      for (int i = mounts.size() - 1; i >= 0; i--) {
        KernelCommand.attempt("umount", "-l", mounts.get(i));
      }
    }

    /** The cgroup parent in every hierarchy (cgroup v1's controllers, v2's unified one), children first. */
    private void removeCgroups() throws IOException {
      List<Path> parents = new ArrayList<>();
      if (Files.isDirectory(CGROUPS.resolve(cgroupParent))) {
        parents.add(CGROUPS.resolve(cgroupParent));
      }
      try (var hierarchies = Files.list(CGROUPS)) {
        for (Path hierarchy : hierarchies.toList()) {
          if (Files.isDirectory(hierarchy.resolve(cgroupParent))) {
            parents.add(hierarchy.resolve(cgroupParent));
          }
        }
      }
      for (Path parent : parents) {
        try (var children = Files.list(parent)) {
          children.filter(Files::isDirectory).forEach(child -> child.toFile().delete());
        }
        parent.toFile().delete();
      }
    }
  }
}
