package org.calicomesos.adapters.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.policy.EndpointEnforcement;

/**
 * Whether our table names an endpoint, read from the kernel (whoever committed the table: usually the agent) as
 * the set of endpoint interfaces every policy has. An endpoint found absent is read once more after {@code settle}:
 * the agent applies a new endpoint within about a second of its record, so a CHECK right after ADD would otherwise
 * race it.
 */
final class EndpointPresence {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final String table;
  private final NftProcess nft;
  private final Duration settle;

  EndpointPresence(String table, NftProcess nft, Duration settle) {
    this.table = table;
    this.nft = nft;
    this.settle = settle;
  }

  EndpointEnforcement of(InterfaceName hostInterface) {
    EndpointEnforcement first = read(hostInterface);
    if (first != EndpointEnforcement.ABSENT || settle.isZero()) {
      return first;
    }
    try {
      Thread.sleep(settle.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return first;
    }
    return read(hostInterface);
  }

  private EndpointEnforcement read(InterfaceName hostInterface) {
    String what = "read set " + NftNames.ENDPOINT_INTERFACES + " of table inet " + table;
    String output = nft.read(what, READ_TIMEOUT, error -> {
      // No table (or no nft at all, which says the same: "Cannot run program …: No such file or directory"): no
      // policy is in force. Any other refusal is a failure.
      if (error.contains("No such file or directory")) {
        return "";
      }
      throw new DataplaneException("cannot " + what + ": " + error);
    }, "-j", "list", "set", "inet", table, NftNames.ENDPOINT_INTERFACES);
    return elements(output, what)
        .map(names -> contains(names, hostInterface) ? EndpointEnforcement.PRESENT : EndpointEnforcement.ABSENT)
        .orElse(EndpointEnforcement.NO_POLICY);
  }

  /** The set's {@code elem} array (none when empty); empty when there was no set to read. */
  private static Optional<JsonNode> elements(String output, String what) {
    if (output.isBlank()) {
      return Optional.empty();
    }
    try {
      for (JsonNode object : JSON.readTree(output).path("nftables")) {
        if (object.has("set")) {
          return Optional.of(object.path("set").path("elem"));
        }
      }
      throw new DataplaneException("cannot " + what + ": nft listed no set");
    } catch (IOException e) {
      throw new DataplaneException("cannot " + what + ": nft's answer is not the JSON we expect: " + e.getMessage(), e);
    }
  }

  private static boolean contains(JsonNode names, InterfaceName hostInterface) {
    if (names.isTextual()) {
      return names.asText().equals(hostInterface.value());
    }
    for (JsonNode name : names) {
      if (name.asText().equals(hostInterface.value())) {
        return true;
      }
    }
    return false;
  }
}
