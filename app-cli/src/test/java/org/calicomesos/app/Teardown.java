package org.calicomesos.app;

/** Closes a test's resources in the order given, skipping those never made, and closes them all even if one fails. */
public final class Teardown {
  private Teardown() {}

  /** The processes of {@code first} (agents, BIRDs), then {@code then} (containers, namespaces, etcd). */
  static void inOrder(java.util.List<? extends AutoCloseable> first, AutoCloseable... then) throws Exception {
    java.util.List<AutoCloseable> all = new java.util.ArrayList<>(first);
    all.addAll(java.util.Arrays.asList(then));
    inOrder(all.toArray(AutoCloseable[]::new));
  }

  public static void inOrder(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
