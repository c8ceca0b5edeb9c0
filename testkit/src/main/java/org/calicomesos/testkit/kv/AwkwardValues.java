package org.calicomesos.testkit.kv;

import java.util.stream.Stream;

/** Values a store must keep byte for byte: non-ASCII text, quotes, control characters, SQL, and size. */
final class AwkwardValues {
  private static final int BIG = 256 * 1024;

  private AwkwardValues() {}

  static Stream<String> values() {
    return Stream.of(
        "{\"name\":\"Zoë Ågren — 名前 🐳 ﷽ e\u0301\"}",
        "{\"quote\":\"\\\"double\\\" 'single' `back`\",\"slash\":\"a\\\\b\"}",
        "{\"lines\":\"one\ntwo\r\nthree\tfour\"}\n",
        "  leading and trailing spaces  ",
        "[\"%s\", \"?\", \"*\", \"_\", \"'); DROP TABLE kv; --\"]",
        big());
  }

  /** A JSON document of exactly 256 Ki characters, mixing one- to four-byte UTF-8 characters. */
  private static String big() {
    String pattern = "0123456789abcdef-\u00e4\u20ac\uD834\uDD1E-\\\"-";
    StringBuilder big = new StringBuilder("{\"blob\":\"");
    while (big.length() + pattern.length() + 2 <= BIG) {
      big.append(pattern);
    }
    while (big.length() + 2 < BIG) {
      big.append('x');
    }
    return big.append("\"}").toString();
  }
}
