package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.calicomesos.adapters.iproute2.Iproute2;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.Netlink;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.dataplane.Dataplane;

/**
 * Chooses the {@link Dataplane} {@code CALICO_DATAPLANE} names. Through {@link Provider}s, so a request that
 * never touches the kernel (allocate, release) never loads jnr-ffi, and the unchosen adapter is never loaded.
 */
@Module(includes = {NetlinkDataplaneModule.class, Iproute2DataplaneModule.class})
interface DataplaneModule {
  @Provides
  @Singleton
  static Dataplane dataplane(Configuration configuration, @Netlink Provider<Dataplane> netlink,
      @Iproute2 Provider<Dataplane> iproute2) {
    return configuration.dataplane().choose(netlink::get, iproute2::get);
  }
}
