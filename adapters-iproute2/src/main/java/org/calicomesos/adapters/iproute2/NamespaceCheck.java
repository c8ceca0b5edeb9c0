package org.calicomesos.adapters.iproute2;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;

/**
 * Checks, before anything is created, that a container's namespace file names a live namespace other than ours.
 * Namespace files live on the kernel's nsfs: the same device as our own {@code /proc/self/ns/net}, and the inode
 * says which namespace it is, so two stat calls answer both questions without starting a process.
 */
final class NamespaceCheck {
  private static final Path OURS = Path.of("/proc/self/ns/net");

  private NamespaceCheck() {}

  static void requireContainerNamespace(NetworkNamespace namespace) {
    Map<String, Object> ours = identity(OURS, namespace);
    Map<String, Object> theirs;
    try {
      theirs = Files.readAttributes(Path.of(namespace.path()), "unix:dev,ino");
    } catch (NoSuchFileException e) {
      throw new NamespaceNotFoundException(namespace instanceof NetworkNamespace.OfProcess
          ? namespace.describe() + " is gone: the process has exited"
          : namespace.describe() + " does not exist");
    } catch (AccessDeniedException e) {
      throw new DataplaneException("cannot open " + namespace.describe() + ": permission denied");
    } catch (IOException e) {
      throw new DataplaneException("cannot open " + namespace.describe() + ": " + e.getMessage(), e);
    }
    if (!ours.get("dev").equals(theirs.get("dev"))) {
      throw new NamespaceNotFoundException(namespace.describe() + " is not a namespace file");
    }
    if (ours.get("ino").equals(theirs.get("ino"))) {
      throw new DataplaneException(namespace.describe() + " is the host's own network namespace, not a container's");
    }
  }

  private static Map<String, Object> identity(Path file, NetworkNamespace forWhom) {
    try {
      return Files.readAttributes(file, "unix:dev,ino");
    } catch (IOException e) {
      throw new DataplaneException("cannot read our own network namespace to compare with "
          + forWhom.describe() + ": " + e.getMessage(), e);
    }
  }
}
