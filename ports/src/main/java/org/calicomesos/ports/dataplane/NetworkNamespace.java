package org.calicomesos.ports.dataplane;

import java.util.regex.Pattern;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * The container's network namespace: by the pid net-modules sends (its {@code /proc/<pid>/ns/net}), or by a
 * path as CNI runtimes send it. Whether the path really is a network namespace is for the adapter to check
 * (that needs the kernel), and it must refuse the host's own namespace.
 */
public sealed interface NetworkNamespace {
  /** The file that names the namespace, e.g. {@code /proc/4242/ns/net}. */
  String path();

  /** How an operator knows this namespace, for error sentences: "the network namespace of pid 4242". */
  String describe();

  /** The namespace of a running process. */
  record OfProcess(long pid) implements NetworkNamespace {
    public static final long MAX_PID = 4_194_304; // the kernel's PID_MAX_LIMIT on 64-bit

    public OfProcess {
      if (pid < 1 || pid > MAX_PID) {
        throw new InvalidRequestException("pid must be a whole number between 1 and " + MAX_PID + ", got " + pid);
      }
    }

    @Override
    public String path() {
      return "/proc/" + pid + "/ns/net";
    }

    @Override
    public String describe() {
      return "the network namespace of pid " + pid;
    }
  }

  /** A namespace file such as {@code /var/run/netns/x} or {@code /proc/4242/ns/net}. */
  record AtPath(String path) implements NetworkNamespace {
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_.:-]+)+");

    public AtPath {
      if (path == null || path.length() > 4096 || !SAFE.matcher(path).matches()
          || path.contains("/../") || path.endsWith("/..") || path.contains("/./")) {
        throw new InvalidRequestException("network namespace path '" + Excerpt.of(String.valueOf(path))
            + "' must be an absolute path of letters, digits, '_', '.', ':' and '-'");
      }
    }

    @Override
    public String describe() {
      return "the network namespace at " + path;
    }
  }
}
