package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.json.JsonKind;

/**
 * The settings a network configuration gives in Calico's CNI names ({@code datastore_type}, {@code etcd_endpoints},
 * {@code nodename}, …), as the environment variables the configuration reader reads (docs/configuration.md). A
 * value of the wrong JSON type, or a datastore type calico-mesos has no store for, is refused naming the field.
 */
final class CalicoSettings {
  // Field → variable, for the fields whose string value is taken as it is.
  private static final Map<String, String> TEXT_FIELDS = new LinkedHashMap<>();

  static {
    TEXT_FIELDS.put("sqlite_path", "CALICO_SQLITE_PATH");
    TEXT_FIELDS.put("etcd_endpoints", "ETCD_ENDPOINTS");
    TEXT_FIELDS.put("etcd_key_file", "ETCD_KEY_FILE");
    TEXT_FIELDS.put("etcd_cert_file", "ETCD_CERT_FILE");
    TEXT_FIELDS.put("etcd_ca_cert_file", "ETCD_CA_CERT_FILE");
    TEXT_FIELDS.put("consul_address", "CONSUL_HTTP_ADDR");
    TEXT_FIELDS.put("nodename", "CALICO_NODENAME");
    TEXT_FIELDS.put("log_level", "CALICO_LOG_LEVEL");
    TEXT_FIELDS.put("log_file", "CALICO_LOG_FILE");
    TEXT_FIELDS.put("agent_socket", "CALICO_AGENT_SOCKET");
  }

  /** A Consul ACL token is a UUID; a line this long is no token. */
  static final int MAX_TOKEN_LINE_BYTES = 4096;

  private CalicoSettings() {}

  /** The variables {@code config} sets, in the order of its fields; a field that is absent or null sets none. */
  static Map<String, String> of(ObjectNode config) {
    Map<String, String> variables = new LinkedHashMap<>();
    text(config, "datastore_type").ifPresent(type -> variables.put("CALICO_DATASTORE", datastore(type)));
    TEXT_FIELDS.forEach((field, variable) -> text(config, field).ifPresent(value -> variables.put(variable, value)));
    ConfigFields.get(config, "mtu").ifPresent(mtu -> {
      if (!mtu.isIntegralNumber() || !mtu.canConvertToInt()) {
        throw ConfigFields.refused("mtu must be a whole number, got " + JsonKind.describe(mtu));
      }
      variables.put("CALICO_MTU", String.valueOf(mtu.intValue()));
    });
    text(config, "consul_token_file").ifPresent(file -> variables.put("CONSUL_HTTP_TOKEN", firstLine(file)));
    return variables;
  }

  private static String datastore(String type) {
    switch (type) {
      case "sqlite":
        return "sqlite";
      case "etcdv3":
        return "etcd";
      case "consul":
        return "consul";
      default:
        throw ConfigFields.refused("datastore_type must be sqlite, etcdv3 or consul, got " + ConfigFields.quoted(type));
    }
  }

  // The token itself never appears in a sentence or a log line; only the file's name does. Only a regular file is
  // opened, and only its first line, up to a bound, is read: this runs before the request's deadline starts, and a
  // device (/dev/zero) would be read until memory runs out, a FIFO waited on for ever.
  private static String firstLine(String file) {
    String named = "consul_token_file " + ConfigFields.quoted(file);
    try {
      Path path = Path.of(file);
      if (!Files.readAttributes(path, BasicFileAttributes.class).isRegularFile()) {
        throw ConfigFields.refused(named + " is not a regular file");
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(path)) {
        head = in.readNBytes(MAX_TOKEN_LINE_BYTES + 1);
      }
      int end = 0;
      while (end < head.length && head[end] != '\n') {
        end++;
      }
      if (end > MAX_TOKEN_LINE_BYTES) {
        throw ConfigFields.refused(named + " has a first line longer than " + MAX_TOKEN_LINE_BYTES + " bytes");
      }
      String line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, end)).toString();
      if (line.isBlank()) {
        throw ConfigFields.refused(named + " is empty");
      }
      return line.strip();
    } catch (IOException | InvalidPathException e) {
      throw ConfigFields.refused(named + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Optional<String> text(ObjectNode config, String field) {
    return ConfigFields.text(config, field, field);
  }
}
