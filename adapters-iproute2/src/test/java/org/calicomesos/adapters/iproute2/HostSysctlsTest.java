package org.calicomesos.adapters.iproute2;

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
 * The same failures give the same sentences in both dataplane adapters: this test is word for word the same in
 * adapters-netlink and adapters-iproute2 (but for the package), and so must their {@code HostSysctls} stay.
 */
class HostSysctlsTest {
  @TempDir
  Path root;

  @Test
  void aRequiredSettingThisKernelLacksIsNamedWithItsFile() {
    Sysctl missing = new Sysctl("net/ipv4/conf/all/calico_mesos_no_such_setting", "1");

    assertThatThrownBy(() -> HostSysctls.apply(List.of(missing)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/all/calico_mesos_no_such_setting=1: this kernel has no "
            + "/proc/sys/net/ipv4/conf/all/calico_mesos_no_such_setting");
  }

  @Test
  void aRequiredSettingThatIsMissingIsNeverCreated() {
    Sysctl missing = new Sysctl("net/ipv4/conf/cali0/proxy_arp", "1");

    assertThatThrownBy(() -> HostSysctls.apply(root, List.of(missing)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/cali0/proxy_arp=1: this kernel has no "
            + root.resolve("net/ipv4/conf/cali0/proxy_arp"));
    assertThat(root.resolve("net")).doesNotExist();
  }

  @Test
  void aWriteThatIsRefusedGivesTheReasonWithoutThePathAgain() throws Exception {
    Files.createDirectories(root.resolve("net/ipv4/conf/cali0/proxy_arp"));
    Sysctl refused = new Sysctl("net/ipv4/conf/cali0/proxy_arp", "1");

    assertThatThrownBy(() -> HostSysctls.apply(root, List.of(refused)))
        .isInstanceOf(DataplaneException.class)
        .hasMessage("cannot set sysctl net/ipv4/conf/cali0/proxy_arp=1: Is a directory");
  }

  @Test
  void anOptionalSettingThatIsMissingIsSkippedAndTheRestWritten() throws Exception {
    Path forwarding = Files.createDirectories(root.resolve("net/ipv6/conf/cali0")).resolve("forwarding");
    Files.writeString(forwarding, "0\n");

    HostSysctls.apply(root, List.of(Sysctl.ifSupported("net/ipv6/conf/cali0/force_forwarding", "1"),
        new Sysctl("net/ipv6/conf/cali0/forwarding", "1")));

    assertThat(forwarding).hasContent("1");
    assertThat(root.resolve("net/ipv6/conf/cali0/force_forwarding")).doesNotExist();
  }
}
