package org.calicomesos.app.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands between the application and its in-memory kernels (the dataplane, the policy dataplane) and notes every
 * call, reads included.
 */
final class KernelCalls {
  private final List<String> calls = new ArrayList<>();

  /** {@code kernel}, seen through {@code port}, its every call noted here. */
  <T> T observe(Class<T> port, T kernel) {
    Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
      synchronized (calls) {
        calls.add(port.getSimpleName() + "." + method.getName());
      }
      try {
        return method.invoke(kernel, args);
      } catch (InvocationTargetException e) {
        throw e.getCause(); // the kernel's own failure, as the application would get it
      }
    });
    return port.cast(proxy);
  }

  List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }
}
