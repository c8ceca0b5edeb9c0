package org.calicomesos.app.netmodules;

import org.calicomesos.app.json.JsonKind;
import org.calicomesos.app.mesos.Netgroups;
import org.calicomesos.app.mesos.TaskLabels;
import org.calicomesos.app.pipeline.RequestLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.Netgroup;

/**
 * A request's {@code args} object, read field by field into value types. Follows the isolator's encoding
 * (docs/net-modules-protocol.md, "How the isolator encodes a request"): an absent list is empty, an absent count is
 * 0, {@code null} counts as absent. Unknown fields are ignored, as stout ignores them. Every message names the field.
 */
final class RequestArgs {
  static final int MAX_PID = 4_194_304;

  private final String command;
  private final ObjectNode args;

  RequestArgs(String command, ObjectNode args) {
    this.command = command;
    this.args = args;
  }

  String command() {
    return command;
  }

  HandleId uid() {
    return new HandleId(requiredText("uid"));
  }

  /**
   * Refuses a request without a valid {@code hostname}: the protocol puts one in every request that concerns a
   * container, although only allocate and reserve record it (isolate and cleanup go by the container id).
   */
  void requireHostname() {
    hostname();
  }

  AgentHostname hostname() {
    return new AgentHostname(requiredText("hostname"));
  }

  ContainerId containerId() {
    return new ContainerId(requiredText("container_id"));
  }

  boolean has(String field) {
    JsonNode node = args.get(field);
    return node != null && !node.isNull();
  }

  /** A count such as {@code num_ipv4}: a whole JSON number, 0 when absent. */
  int count(String field) {
    JsonNode node = args.get(field);
    if (node == null || node.isNull()) {
      return 0;
    }
    if (!node.isIntegralNumber()) {
      throw new InvalidRequestException(field + " must be a whole number, got " + JsonKind.describe(node));
    }
    if (!node.canConvertToInt() || node.intValue() < 0 || node.intValue() > AllocateCommand.MAX_PER_FAMILY) {
      throw new InvalidRequestException(field + " must be between 0 and " + AllocateCommand.MAX_PER_FAMILY
          + ", got " + JsonKind.describe(node));
    }
    return node.intValue();
  }

  /** The container's init pid: a whole number from 1 to the kernel's pid_max ceiling. */
  long pid() {
    JsonNode node = args.get("pid");
    if (node == null || node.isNull()) {
      throw new InvalidRequestException("pid is missing");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1 || node.longValue() > MAX_PID) {
      throw new InvalidRequestException("pid must be a whole number between 1 and " + MAX_PID + ", got " + JsonKind.describe(node));
    }
    return node.longValue();
  }

  /** Addresses of one family, e.g. {@code ipv4_addrs}; an address of the other family is rejected. */
  List<IPAddress> addresses(String field, IpFamily family) {
    List<IPAddress> addresses = new ArrayList<>();
    for (String text : strings(field, AllocateCommand.MAX_PER_FAMILY)) {
      addresses.add(Addresses.parseAddress(field, text, family));
    }
    return addresses;
  }

  /** Addresses of either family, e.g. release's {@code ips}. */
  List<IPAddress> anyAddresses(String field, int max) {
    List<IPAddress> addresses = new ArrayList<>();
    for (String text : strings(field, max)) {
      addresses.add(Addresses.parseAnyAddress(field, text));
    }
    return addresses;
  }

  List<Netgroup> netgroups() {
    return Netgroups.of("netgroups", strings("netgroups", Netgroups.MAX));
  }

  TaskLabels labels() {
    JsonNode node = args.get("labels");
    return node == null || node.isNull() ? TaskLabels.NONE : TaskLabels.parse(node);
  }

  /**
   * Hands the request's identifiers to its log line, each only if its allow-list accepts it: an invalid
   * value is left out (the error sentence describes it), never logged raw.
   */
  void identify(RequestLog log) {
    if (has("container_id")) {
      try {
        log.container(containerId().value());
      } catch (InvalidRequestException invalid) {
        // Left out of the line.
      }
    }
    if (has("uid")) {
      try {
        log.uid(uid().value());
      } catch (InvalidRequestException invalid) {
        // Left out of the line.
      }
    }
    if (has("hostname")) {
      try {
        log.hostname(hostname().value());
      } catch (InvalidRequestException invalid) {
        // Left out of the line.
      }
    }
  }

  private String requiredText(String field) {
    JsonNode node = args.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(command + " request is missing " + field);
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException(field + " must be a string, got " + JsonKind.of(node));
    }
    return node.textValue();
  }

  private List<String> strings(String field, int max) {
    JsonNode node = args.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequestException(field + " must be a list of strings, got " + JsonKind.of(node));
    }
    if (node.size() > max) {
      throw new InvalidRequestException(field + " has " + node.size() + " entries; at most " + max + " are allowed");
    }
    List<String> values = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new InvalidRequestException(field + " must be a list of strings, but holds " + JsonKind.of(element));
      }
      values.add(element.textValue());
    }
    return values;
  }

  static Optional<String> text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
