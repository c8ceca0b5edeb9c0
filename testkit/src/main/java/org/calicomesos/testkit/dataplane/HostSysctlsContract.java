package org.calicomesos.testkit.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.Sysctl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sysctl writes every {@code Dataplane} adapter makes for a container: the same failures give the same
 * sentences in each, and a missing required file is never created. An adapter's test implements {@link #apply} with
 * its own writer, under a root of the test's choosing.
 */
public abstract class HostSysctlsContract {
  @TempDir
  Path root;

  /** Writes {@code sysctls} as the adapter does, under {@code procSys} instead of {@code /proc/sys}. */
  protected abstract void apply(Path procSys, List<Sysctl> sysctls);

  @Test
  void aRequiredSettingThisKernelLacksIsNamedWithItsFile() {
    Sysctl missing = new Sysctl("net/ipv4/conf/all/calico_mesos_no_such_setting", "1");

    assertThatThrownBy(() -> apply(Path.of("/proc/sys"), List.of(missing)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/all/calico_mesos_no_such_setting=1: this kernel has no "
            + "/proc/sys/net/ipv4/conf/all/calico_mesos_no_such_setting");
  }

  @Test
  void aRequiredSettingThatIsMissingIsNeverCreated() {
    Sysctl missing = new Sysctl("net/ipv4/conf/cali0/proxy_arp", "1");

    assertThatThrownBy(() -> apply(root, List.of(missing)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/cali0/proxy_arp=1: this kernel has no "
            + root.resolve("net/ipv4/conf/cali0/proxy_arp"));
    assertThat(root.resolve("net")).doesNotExist();
  }

  @Test
  void aWriteThatIsRefusedGivesTheReasonWithoutThePathAgain() throws Exception {
    Files.createDirectories(root.resolve("net/ipv4/conf/cali0/proxy_arp"));
    Sysctl refused = new Sysctl("net/ipv4/conf/cali0/proxy_arp", "1");

    assertThatThrownBy(() -> apply(root, List.of(refused)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/cali0/proxy_arp=1: Is a directory");
  }

  @Test
  void anOptionalSettingThatIsMissingIsSkippedAndTheRestWritten() throws Exception {
    Path forwarding = Files.createDirectories(root.resolve("net/ipv6/conf/cali0")).resolve("forwarding");
    Files.writeString(forwarding, "0\n");

    apply(root, List.of(Sysctl.ifSupported("net/ipv6/conf/cali0/force_forwarding", "1"),
        new Sysctl("net/ipv6/conf/cali0/forwarding", "1")));

    assertThat(forwarding).hasContent("1");
    assertThat(root.resolve("net/ipv6/conf/cali0/force_forwarding")).doesNotExist();
  }
}
