package org.calicomesos.app;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Builds a value the first time it is asked for (never, if nobody asks), and closes it at the end if it was. */
final class OnFirstUse<T> implements Supplier<T>, AutoCloseable {
  private final Supplier<T> build;
  private final Consumer<T> close;
  private T value;

  OnFirstUse(Supplier<T> build, Consumer<T> close) {
    this.build = build;
    this.close = close;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = build.get();
    }
    return value;
  }

  @Override
  public synchronized void close() {
    if (value != null) {
      close.accept(value);
    }
  }
}
