package org.calicomesos.app.admin.diags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the datastore credentials out of everything a bundle holds. No collector prints them on purpose (the
 * configuration summary names credential variables, never their values); this is the net for what a log, the
 * journal or an error message might carry anyway: the password and token values, the password in an address
 * ({@code https://user:password@host}), the private key files' contents, and any PEM private key block.
 */
final class SecretRedaction {
  static final String REDACTED = "<redacted>";

  private static final List<String> SECRET_VARIABLES = List.of("ETCD_PASSWORD", "CONSUL_HTTP_TOKEN");
  private static final List<String> ADDRESS_VARIABLES = List.of("ETCD_ENDPOINTS", "ETCD_AUTHORITY", "CONSUL_HTTP_ADDR");
  private static final List<String> KEY_FILE_VARIABLES = List.of("ETCD_KEY_FILE", "CONSUL_CLIENT_KEY");
  private static final Pattern ADDRESS_PASSWORD = Pattern.compile("//[^/@:\\s]*:([^/@\\s]+)@");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?-----END \\1PRIVATE KEY-----", Pattern.DOTALL);
  // A key file's lines are redacted one by one too, in case a key shows up cut into lines; short ones (the
  // last line of base64) could match ordinary text, and the whole block is redacted anyway.
  private static final int SHORTEST_KEY_LINE = 16;

  private final List<String> secrets;

  private SecretRedaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The secrets this environment configures; a key file that cannot be read cannot leak through us either. */
  static SecretRedaction of(Map<String, String> env) {
    // Longest first, so a secret that contains another is replaced whole.
    TreeSet<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder()));
    SECRET_VARIABLES.forEach(name -> addValue(secrets, env.get(name)));
    for (String name : ADDRESS_VARIABLES) {
      Matcher password = ADDRESS_PASSWORD.matcher(env.getOrDefault(name, ""));
      while (password.find()) {
        secrets.add(password.group(1));
      }
    }
    KEY_FILE_VARIABLES.forEach(name -> addKeyFile(secrets, env.get(name)));
    return new SecretRedaction(List.copyOf(secrets));
  }

  String apply(String text) {
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, REDACTED);
    }
    return PRIVATE_KEY.matcher(redacted).replaceAll("-----BEGIN $1PRIVATE KEY-----\n" + REDACTED + "\n-----END $1PRIVATE KEY-----");
  }

  private static void addValue(TreeSet<String> secrets, String value) {
    if (value != null && !value.isEmpty()) {
      secrets.add(value);
      if (!value.strip().isEmpty()) {
        secrets.add(value.strip());
      }
    }
  }

  private static void addKeyFile(TreeSet<String> secrets, String path) {
    if (path == null || path.isBlank()) {
      return;
    }
    String key;
    try {
      key = Files.readString(Path.of(path.strip()), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException | SecurityException e) {
      return;
    }
    addValue(secrets, key);
    key.lines().map(String::strip).filter(line -> line.length() >= SHORTEST_KEY_LINE && !line.startsWith("-----"))
        .forEach(secrets::add);
  }
}
