package org.calicomesos.app.admin.diags;

/** One file of a diagnostics bundle: what it is called, and how its text is collected. */
interface DiagnosticItem {
  /** Names the item in the bundle's index; its file is {@code <name>.<extension>}, or {@code <name>.failed.txt}. */
  String name();

  /** The file's extension when the item was collected: {@code json} or {@code txt}. */
  String extension();

  /**
   * Collects the text. What could not be collected is a {@link ItemText#failed} result; an exception (the
   * datastore refused, the configuration is wrong) is recorded the same way by {@link CollectedItem#of}.
   */
  ItemText collect();
}
