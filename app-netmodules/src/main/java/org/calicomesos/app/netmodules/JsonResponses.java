package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.PluginResponse;
import inet.ipaddr.IPAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the three response shapes by hand: they are tiny and fixed, and this way even a failure before
 * any JSON library is loaded (configuration, a broken classpath) still yields valid JSON.
 */
public final class JsonResponses {
  /** The isolator reads at most 40 960 bytes; an error sentence stays far below that. */
  static final int MAX_ERROR_CHARS = 1000;

  private JsonResponses() {}

  static PluginResponse success(Reply reply) {
    String body;
    if (reply instanceof Reply.Addresses) {
      Reply.Addresses addresses = (Reply.Addresses) reply;
      body = "{\"ipv4\":" + list(addresses.ipv4()) + ",\"ipv6\":" + list(addresses.ipv6()) + ",\"error\":null}";
    } else {
      body = "{\"error\":null}";
    }
    return new PluginResponse((body + "\n").getBytes(StandardCharsets.UTF_8), true, null);
  }

  /** {@code {"error":"<sentence>"}}: one line, control characters dropped, length capped, ASCII only. */
  public static PluginResponse error(String sentence) {
    String error = oneLine(sentence);
    String body = "{\"error\":\"" + escape(error) + "\"}\n";
    return new PluginResponse(body.getBytes(StandardCharsets.UTF_8), false, error);
  }

  /** The sentence on one line, without control characters, at most {@link #MAX_ERROR_CHARS} long. */
  static String oneLine(String sentence) {
    return ErrorSentences.oneLine(sentence, MAX_ERROR_CHARS);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String list(List<IPAddress> addresses) {
    StringBuilder out = new StringBuilder("[");
    for (IPAddress address : addresses) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(address.toCanonicalString()).append('"');
    }
    return out.append(']').toString();
  }
}
