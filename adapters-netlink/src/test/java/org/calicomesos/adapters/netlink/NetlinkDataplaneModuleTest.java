package org.calicomesos.adapters.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Wiring the dataplane (and the route table and VXLAN tunnel) must cost a plugin request nothing: jnr and libc are
 * bound on the first kernel call.
 */
class NetlinkDataplaneModuleTest {
  @Test
  void providingTheAdaptersLoadsNoNativeBinding() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Shell.Result child = Shell.run(java, "-Xshare:auto", "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), ProvideOnly.class.getName());

    assertThat(child.exitCode()).as(child.output()).isZero();
    assertThat(child.output()).contains("provided " + NetlinkDataplane.class.getSimpleName())
        .contains("provided " + NetlinkRouteTable.class.getSimpleName())
        .contains("provided " + NetlinkVxlanTunnel.class.getSimpleName())
        .contains(" " + NetlinkDataplane.class.getName() + " source:") // the class log is really there
        .doesNotContain(" jnr.").doesNotContain(" com.kenai.jffi.")
        .doesNotContain(NativeLibc.class.getName());
  }

  /** The child JVM's whole job: ask the module for each adapter, as the composition root would. */
  static final class ProvideOnly {
    public static void main(String[] args) {
      System.out.println("provided " + NetlinkDataplaneModule.netlinkDataplane().getClass().getSimpleName());
      System.out.println("provided " + NetlinkDataplaneModule.netlinkRouteTable().getClass().getSimpleName());
      System.out.println("provided " + NetlinkDataplaneModule.netlinkVxlanTunnel().getClass().getSimpleName());
    }
  }
}
