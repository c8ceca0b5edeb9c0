package org.calicomesos.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Everything a deployment sets through the environment (DESIGN.md §10), already validated.
 * {@code credentialsSet} names the credential variables that are set, never their values.
 */
public record Configuration(
    DatastoreChoice datastore,
    Path sqlitePath,
    DatastoreKeys keys,
    NodeName nodeName,
    IpamSettings ipam,
    LogSettings log,
    List<String> credentialsSet) {

  public Configuration {
    Objects.requireNonNull(datastore, "datastore");
    Objects.requireNonNull(sqlitePath, "sqlitePath");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(ipam, "ipam");
    Objects.requireNonNull(log, "log");
    credentialsSet = List.copyOf(credentialsSet);
  }

  /** Names the configured datastore for operators, without constructing it and without credentials. */
  public String describeDatastore() {
    return datastore.kind() == DatastoreKind.SQLITE
        ? "sqlite at " + sqlitePath
        : datastore.kind().setting();
  }

  /** One line for the log: the choices made, and which credential variables are set (not their values). */
  public String summary() {
    return "datastore " + describeDatastore() + " (" + datastore.reason() + "), prefix " + keys.prefix()
        + ", node " + nodeName + ", default pools " + ipam.defaultIpv4Pool().toCanonicalString() + " and "
        + ipam.defaultIpv6Pool().toCanonicalString() + ", log " + log.file() + " at " + log.level()
        + ", credential variables set: " + (credentialsSet.isEmpty() ? "none" : String.join(" ", credentialsSet));
  }
}
