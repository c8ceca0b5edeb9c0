package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import org.calicomesos.app.pipeline.IpamRetriesOfRequests;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.AssignAddressesService;
import org.calicomesos.core.ipam.BlockReleaseService;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.ipam.AllocateAddressesUseCase;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseBlockUseCase;
import org.calicomesos.ports.ipam.ReserveAddressesUseCase;
import org.calicomesos.ports.ipam.ShowIpamUseCase;

/** Binds the IPAM use cases to core's services. */
@Module
interface IpamModule {
  @Binds
  AllocateAddressesUseCase allocate(AllocateAddressesService service);

  @Binds
  AssignAddressesUseCase assign(AssignAddressesService service);

  @Binds
  ReserveAddressesUseCase reserve(ReserveAddressesService service);

  @Binds
  ReleaseAddressesUseCase release(ReleaseAddressesService service);

  @Binds
  ReleaseBlockUseCase releaseBlock(BlockReleaseService service);

  @Binds
  ManagePoolsUseCase pools(PoolService service);

  @Binds
  ShowIpamUseCase overview(IpamOverviewService service);

  /** Lost compare-and-swaps go to the process's request observer: the agent's metrics, or no one. */
  @Binds
  IpamRetryListener retries(IpamRetriesOfRequests retries);
}
