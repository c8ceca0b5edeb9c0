package org.calicomesos.app.admin.cni;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.calicomesos.ports.CalicoMesosException;

/** A network config file was not written: it exists (without --force), or the directory refused it. */
final class CniConfigFileException extends CalicoMesosException {
  private CniConfigFileException(String message, Throwable cause) {
    super(message, cause);
  }

  static CniConfigFileException exists(Path file) {
    return new CniConfigFileException(file + " already exists; add --force to replace it (nothing was written)", null);
  }

  static CniConfigFileException cannotWrite(Path file, IOException cause) {
    String reason = cause instanceof AccessDeniedException ? "permission denied" : String.valueOf(cause.getMessage());
    return new CniConfigFileException("cannot write " + file + ": " + reason, cause);
  }
}
