package org.calicomesos.app.wiring;

import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;

/** What {@link DecoratedPluginComponent} wraps the chosen store and dataplane in, before any use case gets them. */
public interface PortDecorators {
  /** Leaves both as the configuration chose them. */
  PortDecorators NONE = new PortDecorators() {
    @Override
    public KeyValueStore store(KeyValueStore store) {
      return store;
    }

    @Override
    public Dataplane dataplane(Dataplane dataplane) {
      return dataplane;
    }
  };

  KeyValueStore store(KeyValueStore store);

  Dataplane dataplane(Dataplane dataplane);
}
