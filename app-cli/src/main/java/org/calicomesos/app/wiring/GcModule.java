package org.calicomesos.app.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.core.gc.CollectorSettings;
import org.calicomesos.core.gc.LeakAwareCheck;
import org.calicomesos.core.gc.LeakCollector;
import org.calicomesos.ports.gc.CollectLeaksUseCase;
import org.calicomesos.ports.ipam.CheckIpamUseCase;

/** Binds this host's garbage collector, and {@code ipam check}, which reports what it would free. */
@Module
interface GcModule {
  @Binds
  CollectLeaksUseCase collector(LeakCollector collector);

  @Binds
  CheckIpamUseCase check(LeakAwareCheck check);

  @Provides
  static CollectorSettings collectorSettings(Configuration configuration) {
    return new CollectorSettings(configuration.gcGrace());
  }

  @Provides
  static Clock clock() {
    return Clock.systemUTC();
  }
}
