package org.calicomesos.app.admin.diags;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.calicomesos.ports.CalicoMesosException;

/** The bundle's archive could not be written: the one failure that makes {@code diags} fail. */
final class DiagsArchiveException extends CalicoMesosException {
  DiagsArchiveException(Path archive, IOException cause) {
    super("cannot write the diagnostics archive " + archive + ": " + reason(archive, cause), cause);
  }

  private static String reason(Path archive, IOException cause) {
    if (cause instanceof FileAlreadyExistsException) {
      return "it already exists; remove it or choose another --output-file";
    }
    if (cause instanceof NoSuchFileException) {
      return "its directory " + archive.getParent() + " does not exist";
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    return String.valueOf(cause.getMessage());
  }
}
