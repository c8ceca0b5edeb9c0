package org.calicomesos.adapters.consul;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.calicomesos.ports.kv.DatastoreException;

/**
 * TLS from Consul's PEM files: {@code CONSUL_CACERT} to trust, {@code CONSUL_CLIENT_CERT} and
 * {@code CONSUL_CLIENT_KEY} (PKCS#8) to present. Without any of them the JDK's defaults apply.
 */
final class ConsulTls {
  private static final char[] NO_PASSWORD = new char[0];
  private final Optional<SSLContext> context;
  private final Optional<X509TrustManager> trust;

  private ConsulTls(Optional<SSLContext> context, Optional<X509TrustManager> trust) {
    this.context = context;
    this.trust = trust;
  }

  static ConsulTls from(ConsulSettings settings) {
    if (settings.caCert().isEmpty() && settings.clientCert().isEmpty()) {
      return new ConsulTls(Optional.empty(), Optional.empty());
    }
    try {
      TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(settings.caCert().isPresent() ? trustStore(settings.caCert().get()) : null);
      X509TrustManager trust = (X509TrustManager) trustFactory.getTrustManagers()[0];
      KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(settings.clientCert().isPresent()
          ? keyStore(settings.clientCert().get(), settings.clientKey().orElseThrow()) : null, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyFactory.getKeyManagers(), new X509TrustManager[] {trust}, null);
      return new ConsulTls(Optional.of(context), Optional.of(trust));
    } catch (GeneralSecurityException | IOException e) {
      throw new DatastoreException("cannot load Consul's TLS files: " + e.getMessage(), e);
    }
  }

  void applyTo(OkHttpClient.Builder builder) {
    context.ifPresent(c -> builder.sslSocketFactory(c.getSocketFactory(), trust.orElseThrow()));
  }

  private static KeyStore trustStore(Path caFile) throws GeneralSecurityException, IOException {
    KeyStore store = emptyStore();
    int n = 0;
    for (Certificate certificate : certificates(caFile)) {
      store.setCertificateEntry("ca" + n++, certificate);
    }
    return store;
  }

  private static KeyStore keyStore(Path certFile, Path keyFile) throws GeneralSecurityException, IOException {
    String pem = Files.readString(keyFile);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new DatastoreException("CONSUL_CLIENT_KEY " + keyFile + " is not an unencrypted PKCS#8 PEM key"
          + " (convert it with: openssl pkcs8 -topk8 -nocrypt)");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = privateKey(der);
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, NO_PASSWORD, certificates(certFile).toArray(new Certificate[0]));
    return store;
  }

  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static List<Certificate> certificates(Path file) throws GeneralSecurityException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> certificates = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw new DatastoreException("no certificate in " + file);
      }
      return certificates;
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }
}
