package org.calicomesos.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Everything a deployment sets through the environment (docs/configuration.md), already validated.
 * {@code credentialsSet} names the credential variables that are set, never their values.
 * {@code datastoreEnvironment} holds the {@code ETCD_*} and {@code CONSUL_*} variables as given, for the
 * chosen adapter to read (it validates its own); it may hold secrets, so it is never printed.
 * {@code birdEnvironment} holds the {@code CALICO_BIRD_*} variables as given, validated by
 * {@link ConfigurationReader#bird} only when something talks to BIRD (the agent, {@code node show}).
 * {@code requestTimeout} bounds one whole request ({@code CALICO_REQUEST_TIMEOUT}): the Mesos agent waits
 * for the plugin without a timeout of its own. {@code gcGrace} ({@code CALICO_GC_GRACE}) is how long the collector
 * lets a leak candidate be before it frees it, and what {@code ipam check} judges pending allocations by.
 */
public record Configuration(
    DatastoreChoice datastore,
    Path sqlitePath,
    DatastoreKeys keys,
    NodeName nodeName,
    DataplaneKind dataplane,
    EndpointSettings endpoints,
    IpamSettings ipam,
    LogSettings log,
    Duration requestTimeout,
    Duration gcGrace,
    Map<String, String> datastoreEnvironment,
    Map<String, String> birdEnvironment,
    List<String> credentialsSet) {

  public Configuration {
    Objects.requireNonNull(datastore, "datastore");
    Objects.requireNonNull(sqlitePath, "sqlitePath");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(dataplane, "dataplane");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(ipam, "ipam");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(gcGrace, "gcGrace");
    datastoreEnvironment = Map.copyOf(datastoreEnvironment);
    birdEnvironment = Map.copyOf(birdEnvironment);
    credentialsSet = List.copyOf(credentialsSet);
  }

  /** The summary, never the datastore variables (they may hold passwords and tokens). */
  @Override
  public String toString() {
    return summary();
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
        + ", node " + nodeName + ", dataplane " + dataplane.setting() + ", MTU " + endpoints.mtu()
        + endpoints.hostIp().map(ip -> ", host IP " + ip.toCanonicalString()).orElse("") + ", default pools " + ipam.defaultIpv4Pool().toCanonicalString() + " and "
        + ipam.defaultIpv6Pool().toCanonicalString() + ", log " + log.file() + " at " + log.level()
        + ", request timeout " + requestTimeout.toMillis() + " ms, gc grace " + gcGrace.toSeconds() + " s"
        + ", credential variables set: " + (credentialsSet.isEmpty() ? "none" : String.join(" ", credentialsSet));
  }
}
