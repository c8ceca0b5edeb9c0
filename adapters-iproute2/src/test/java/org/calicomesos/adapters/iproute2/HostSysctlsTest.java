package org.calicomesos.adapters.iproute2;

import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.testkit.dataplane.HostSysctlsContract;

/** This adapter's sysctl writes say what the other dataplane adapter's say (the contract's sentences). */
class HostSysctlsTest extends HostSysctlsContract {
  @Override
  protected void apply(Path procSys, List<Sysctl> sysctls) {
    HostSysctls.apply(procSys, sysctls);
  }
}
