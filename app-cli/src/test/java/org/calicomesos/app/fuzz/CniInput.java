package org.calicomesos.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One CNI request as a runtime hands it over: its environment and its network configuration on stdin. */
record CniInput(Map<String, String> environment, byte[] stdin) {
  @Override
  public String toString() {
    return "environment " + environment + ", stdin " + new String(stdin, StandardCharsets.UTF_8);
  }
}
