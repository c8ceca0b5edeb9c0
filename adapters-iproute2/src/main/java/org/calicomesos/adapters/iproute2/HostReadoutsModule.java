package org.calicomesos.adapters.iproute2;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.diagnostics.HostReadouts;

/** Offers the read-only host readouts ({@code ip}, {@code nft list}, {@code journalctl}) for diagnostics bundles. */
@Module
public final class HostReadoutsModule {
  private HostReadoutsModule() {}

  @Provides
  public static HostReadouts hostReadouts() {
    return HostCommandReadouts.onPath();
  }
}
