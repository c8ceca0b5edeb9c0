package org.calicomesos.adapters.netlink;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Binds {@link Libc} on first use and only then: a plugin request that never plumbs (IPAM only) must not pay for
 * jnr's stub generation.
 */
final class NativeLibc {
  private NativeLibc() {}

  private static final class Loaded {
    static final Libc LIBC = LibraryLoader.create(Libc.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  static Libc libc() {
    return Loaded.LIBC;
  }

  /** errno of this thread's last {@link jnr.ffi.annotations.SaveError} call. */
  static int errno() {
    return LastError.getLastError(Loaded.RUNTIME);
  }
}
