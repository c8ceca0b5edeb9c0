package org.calicomesos.app.admin.diags;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.calicomesos.ports.CalicoMesosException;

/** One item as it goes into the bundle: its file name and text, both with every secret redacted. */
record CollectedItem(String name, String file, String text, Optional<String> failure) {

  boolean collected() {
    return failure.isEmpty();
  }

  /**
   * Collects {@code item}, never throwing: an operator-facing refusal becomes its message, anything else (a bug)
   * its stack trace, so one broken item never costs the others.
   */
  static CollectedItem of(DiagnosticItem item, SecretRedaction redaction) {
    ItemText result;
    try {
      result = item.collect();
    } catch (CalicoMesosException e) {
      result = ItemText.failed(e.getMessage(), "could not collect " + item.name() + ": " + e.getMessage() + "\n");
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      result = ItemText.failed("unexpected failure: " + e, "could not collect " + item.name() + ":\n" + trace);
    }
    String file = item.name() + (result.failure().isEmpty() ? "." + item.extension() : ".failed.txt");
    return new CollectedItem(item.name(), file, redaction.apply(result.text()), result.failure().map(redaction::apply));
  }
}
