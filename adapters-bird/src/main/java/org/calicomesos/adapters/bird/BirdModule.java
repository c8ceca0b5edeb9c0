package org.calicomesos.adapters.bird;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;

/** Offers the BIRD 2 BGP speaker; the composition root binds the {@link BirdSettings} (e.g. {@link BirdSettings#DEBIAN}). */
@Module
public final class BirdModule {
  private BirdModule() {}

  @Provides
  public static BgpSpeaker birdBgpSpeaker(BirdSettings settings) {
    return BirdBgpSpeaker.onPath(settings);
  }
}
