package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate, plus an
 * unrelated second CA (for "wrong CA" tests); made with Debian's {@code openssl} command, as PEM files
 * with PKCS#8 EC keys (what netty and etcd both read).
 */
public record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey,
    Path clientCertificate, Path clientKey, Path otherCaCertificate) {

  /** Writes all files into {@code directory} (which the caller cleans up). */
  public static TestCertificates generate(Path directory) {
    Path ca = directory.resolve("ca.pem");
    Path caKey = directory.resolve("ca-key.pem");
    Path other = directory.resolve("other-ca.pem");
    Path otherKey = directory.resolve("other-ca-key.pem");
    selfSigned(ca, caKey, "calico-mesos test CA");
    selfSigned(other, otherKey, "unrelated test CA");
    Path server = directory.resolve("server.pem");
    Path serverKey = directory.resolve("server-key.pem");
    signed(directory, "server", ca, caKey, server, serverKey,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
    Path client = directory.resolve("client.pem");
    Path clientKey = directory.resolve("client-key.pem");
    signed(directory, "client", ca, caKey, client, clientKey, "extendedKeyUsage=clientAuth\n");
    return new TestCertificates(ca, server, serverKey, client, clientKey, other);
  }

  private static void selfSigned(Path certificate, Path key, String name) {
    openssl(certificate.getParent(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "2", "-subj", "/CN=" + name, "-keyout", key.toString(), "-out", certificate.toString(),
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  private static void signed(Path directory, String name, Path ca, Path caKey, Path certificate, Path key,
      String extensions) {
    Path request = directory.resolve(name + ".csr");
    Path extensionFile = directory.resolve(name + ".ext");
    try {
      Files.writeString(extensionFile, extensions);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + extensionFile, e);
    }
    openssl(directory, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-subj", "/CN=" + name, "-keyout", key.toString(), "-out", request.toString());
    openssl(directory, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "2", "-extfile", extensionFile.toString(), "-out", certificate.toString());
  }

  private static void openssl(Path directory, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("failed to run " + String.join(" ", command) + ": " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to run openssl (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
