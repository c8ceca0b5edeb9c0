package org.calicomesos.app.cni;

import java.util.Locale;
import org.calicomesos.ports.model.Excerpt;

/** {@code CNI_COMMAND}: the verb a runtime asks for. */
enum CniCommand {
  ADD,
  DEL,
  CHECK,
  VERSION,
  GC,
  STATUS;

  static CniCommand of(String value) {
    if (value == null || value.isBlank()) {
      throw new CniRequestException(CniErrorCode.INVALID_ENVIRONMENT, "CNI_COMMAND is not set");
    }
    for (CniCommand command : values()) {
      if (command.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
        return command;
      }
    }
    throw new CniRequestException(CniErrorCode.INVALID_ENVIRONMENT, "CNI_COMMAND '" + Excerpt.of(value)
        + "' is not one of ADD, DEL, CHECK, VERSION, GC, STATUS");
  }
}
