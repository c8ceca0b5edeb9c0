package org.calicomesos.adapters.etcd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.kv.DatastoreException;

/**
 * The TLS files from {@code ETCD_CA_CERT_FILE}, {@code ETCD_CERT_FILE} and {@code ETCD_KEY_FILE}: a CA
 * alone (server verified), or a client certificate with its key (and the system CAs unless a CA is given).
 */
record EtcdTlsFiles(Optional<Path> caCertificate, Optional<Path> clientCertificate, Optional<Path> clientKey) {

  /** Empty when none of the three is set; every named file is checked to be readable now. */
  static Optional<EtcdTlsFiles> fromEnvironment(Map<String, String> env) {
    boolean cert = EtcdSettings.text(env, "ETCD_CERT_FILE").isPresent();
    boolean key = EtcdSettings.text(env, "ETCD_KEY_FILE").isPresent();
    if (cert != key) {
      throw new DatastoreException((cert ? "ETCD_CERT_FILE is set but ETCD_KEY_FILE is not"
          : "ETCD_KEY_FILE is set but ETCD_CERT_FILE is not") + "; a client certificate needs its key");
    }
    Optional<Path> ca = file(env, "ETCD_CA_CERT_FILE");
    if (ca.isEmpty() && !cert) {
      return Optional.empty();
    }
    return Optional.of(new EtcdTlsFiles(ca, file(env, "ETCD_CERT_FILE"), file(env, "ETCD_KEY_FILE")));
  }

  /** The variables that are set, for messages: "ETCD_CA_CERT_FILE and ETCD_CERT_FILE". */
  String variables() {
    List<String> set = new ArrayList<>();
    caCertificate.ifPresent(p -> set.add("ETCD_CA_CERT_FILE"));
    clientCertificate.ifPresent(p -> set.add("ETCD_CERT_FILE"));
    clientKey.ifPresent(p -> set.add("ETCD_KEY_FILE"));
    return String.join(" and ", set);
  }

  private static Optional<Path> file(Map<String, String> env, String variable) {
    return EtcdSettings.text(env, variable).map(value -> EtcdSettings.readableFile(env, variable));
  }
}
