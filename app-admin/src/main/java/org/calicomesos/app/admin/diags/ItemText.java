package org.calicomesos.app.admin.diags;

import java.util.Objects;
import java.util.Optional;

/** The text an item gave, and, when it could not be collected, why in one line (the text then says more). */
record ItemText(String text, Optional<String> failure) {
  ItemText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(failure, "failure");
  }

  static ItemText collected(String text) {
    return new ItemText(text, Optional.empty());
  }

  static ItemText failed(String reason, String text) {
    return new ItemText(text, Optional.of(reason));
  }
}
