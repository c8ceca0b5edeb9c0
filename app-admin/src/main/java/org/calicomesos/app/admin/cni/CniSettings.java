package org.calicomesos.app.admin.cni;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.config.AgentSocketSetting;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.DatastoreKind;
import org.calicomesos.app.config.InvalidConfigurationException;

/**
 * The admin CLI's own settings (its environment) in the names a CNI network configuration gives them, Calico's:
 * the datastore always ({@code datastore_type} and where it is), the rest only where a variable sets it, so the
 * plugin's defaults stay the plugin's. Secrets are never written: a network config is readable by anyone who can
 * list the runtime's configuration directory. What has no field is named in {@link #warnings()}.
 */
record CniSettings(ObjectNode fields, List<String> warnings) {
  /** Where the plugin falls back to for what a network config does not carry. */
  private static final String ELSEWHERE = "the plugin reads it from the runtime's environment or /etc/default/calico-mesos";

  /** @throws InvalidConfigurationException naming the first variable that is wrong, as every command does */
  static CniSettings of(Map<String, String> env, ConfigurationReader reader) {
    Configuration configuration = reader.read(env);
    ObjectNode fields = JsonDocument.object();
    List<String> warnings = new ArrayList<>();
    DatastoreKind kind = configuration.datastore().kind();
    switch (kind) {
      case SQLITE -> fields.put("datastore_type", "sqlite").put("sqlite_path", configuration.sqlitePath().toString());
      case ETCD -> etcd(env, fields, warnings);
      case CONSUL -> consul(env, fields, warnings);
      default -> throw new InvalidConfigurationException("CALICO_DATASTORE=" + kind.setting() + " lives and dies with one"
          + " process, so no CNI network can use it; choose sqlite, etcd or consul");
    }
    text(env, "CALICO_PREFIX").ifPresent(prefix -> warnings.add("CALICO_PREFIX is not written (a network config has"
        + " no field for it); " + ELSEWHERE));
    text(env, "CALICO_NODENAME").ifPresent(ignored -> fields.put("nodename", configuration.nodeName().value()));
    // The reader has checked it is a whole number in range.
    text(env, "CALICO_MTU").ifPresent(mtu -> fields.put("mtu", Integer.parseInt(mtu)));
    text(env, "CALICO_LOG_LEVEL").ifPresent(ignored -> fields.put("log_level", levelName(configuration.log().level())));
    text(env, "CALICO_LOG_FILE").ifPresent(ignored -> fields.put("log_file", configuration.log().file().toString()));
    text(env, AgentSocketSetting.VARIABLE).ifPresent(ignored ->
        fields.put("agent_socket", AgentSocketSetting.fromEnvironment(env).toString()));
    return new CniSettings(fields, List.copyOf(warnings));
  }

  private static void etcd(Map<String, String> env, ObjectNode fields, List<String> warnings) {
    fields.put("datastore_type", "etcdv3");
    Optional<String> endpoints = text(env, "ETCD_ENDPOINTS");
    Optional<String> authority = text(env, "ETCD_AUTHORITY");
    if (endpoints.isEmpty() && authority.isEmpty()) {
      throw new InvalidConfigurationException("etcd is chosen but neither ETCD_ENDPOINTS nor ETCD_AUTHORITY is set");
    }
    fields.put("etcd_endpoints", endpoints.orElseGet(() ->
        text(env, "ETCD_SCHEME").orElse("http").toLowerCase(java.util.Locale.ROOT) + "://" + authority.get()));
    text(env, "ETCD_KEY_FILE").ifPresent(file -> fields.put("etcd_key_file", file));
    text(env, "ETCD_CERT_FILE").ifPresent(file -> fields.put("etcd_cert_file", file));
    text(env, "ETCD_CA_CERT_FILE").ifPresent(file -> fields.put("etcd_ca_cert_file", file));
    if (text(env, "ETCD_USERNAME").isPresent() || text(env, "ETCD_PASSWORD").isPresent()) {
      warnings.add("ETCD_USERNAME and ETCD_PASSWORD are not written (no secrets in a network config); " + ELSEWHERE);
    }
  }

  private static void consul(Map<String, String> env, ObjectNode fields, List<String> warnings) {
    fields.put("datastore_type", "consul");
    fields.put("consul_address", text(env, "CONSUL_HTTP_ADDR").orElse("127.0.0.1:8500"));
    Optional<String> tokenFile = text(env, "CONSUL_HTTP_TOKEN_FILE");
    if (tokenFile.isPresent()) {
      fields.put("consul_token_file", tokenFile.get());
    } else if (text(env, "CONSUL_HTTP_TOKEN").isPresent()) {
      warnings.add("CONSUL_HTTP_TOKEN is not written (no secrets in a network config); put the token in a file only"
          + " root reads and set CONSUL_HTTP_TOKEN_FILE to it for consul_token_file, or " + ELSEWHERE);
    }
    List<String> tls = new ArrayList<>();
    for (String name : List.of("CONSUL_CACERT", "CONSUL_CLIENT_CERT", "CONSUL_CLIENT_KEY")) {
      text(env, name).ifPresent(ignored -> tls.add(name));
    }
    if (!tls.isEmpty()) {
      warnings.add(String.join(", ", tls) + (tls.size() == 1 ? " is" : " are") + " not written (a network config has"
          + " no field for Consul's TLS files); " + ELSEWHERE);
    }
  }

  /** The names CALICO_LOG_LEVEL and log_level take. */
  private static String levelName(Level level) {
    return switch (level) {
      case DEBUG, TRACE, ALL -> "debug";
      case WARNING -> "warning";
      case ERROR, OFF -> "error";
      default -> "info";
    };
  }

  /** As the configuration reads a variable: unset and blank are the same, white space trimmed. */
  private static Optional<String> text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
