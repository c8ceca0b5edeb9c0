package org.calicomesos.app.netmodules;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;

/** The net-modules command table: one handler per {@code command}, looked up by name. */
@Module
public interface PluginCommandsModule {
  @Binds
  @IntoMap
  @StringKey("allocate")
  CommandHandler allocate(AllocateHandler handler);

  @Binds
  @IntoMap
  @StringKey("reserve")
  CommandHandler reserve(ReserveHandler handler);

  @Binds
  @IntoMap
  @StringKey("release")
  CommandHandler release(ReleaseHandler handler);

  @Binds
  @IntoMap
  @StringKey("isolate")
  CommandHandler isolate(IsolateHandler handler);

  @Binds
  @IntoMap
  @StringKey("cleanup")
  CommandHandler cleanup(CleanupHandler handler);
}
