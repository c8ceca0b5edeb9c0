package org.calicomesos.app.logging;

import org.calicomesos.app.pipeline.RequestLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text and JSON forms of a line: their fields, and that no value can break a line or the JSON. */
class LineFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOON = 1_795_000_000_123L; // 2026-11-18T…Z
  private static final String NASTY = "q\"uote \\back\nnew\rret\ttab\u0000nul\u001b[31mansi\u007fdel\u0085nel"
      + "\u2028ls é€ 😀 \ud800lone";

  private static LogFields requestFields() {
    return new LogFields().add("command", "isolate").add("container", "abc").add("uid", null)
        .add("outcome", "ok").add("duration_ms", 139);
  }

  @Test
  void jsonHasExactlyTheBaseMembersAndTheFields() throws Exception {
    String line = JsonLogLine.JSON.format(NOON, Level.INFO, "org.calicomesos.app.pipeline.RequestLog", "request", null,
        requestFields());

    assertThat(line).endsWith("}\n").doesNotContain("\n}").hasLineCount(1);
    JsonNode node = JSON.readTree(line);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("time", "level", "pid", "logger", "message", "command", "container", "uid",
        "outcome", "duration_ms");
    assertThat(node.get("time").textValue()).isEqualTo(java.time.Instant.ofEpochMilli(NOON).toString());
    assertThat(node.get("level").textValue()).isEqualTo("INFO");
    assertThat(node.get("pid").longValue()).isEqualTo(ProcessHandle.current().pid());
    assertThat(node.get("logger").textValue()).isEqualTo("org.calicomesos.app.pipeline.RequestLog");
    assertThat(node.get("message").textValue()).isEqualTo("request");
    assertThat(node.get("container").textValue()).isEqualTo("abc");
    assertThat(node.get("uid").isNull()).isTrue();
    assertThat(node.get("duration_ms").isIntegralNumber()).isTrue();
    assertThat(node.get("duration_ms").longValue()).isEqualTo(139);
  }

  @Test
  void jsonEscapesEverythingToOneAsciiLineThatReadsBackTheSame() throws Exception {
    String line = JsonLogLine.JSON.format(NOON, Level.WARNING, "a\"logger", NASTY, null,
        new LogFields().add("error", NASTY).add("we\"ird", "x"));

    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r", "\u2028", "\u0085")
        .matches("[\\x20-\\x7e]*");
    JsonNode node = JSON.readTree(line);
    String expected = NASTY.replace('\ud800', '\ufffd');
    assertThat(node.get("message").textValue()).isEqualTo(expected);
    assertThat(node.get("error").textValue()).isEqualTo(expected);
    assertThat(node.get("logger").textValue()).isEqualTo("a\"logger");
    assertThat(node.get("we\"ird").textValue()).isEqualTo("x");
    assertThat(node.get("level").textValue()).isEqualTo("WARN");
    assertThat(line).contains("\\ud83d\\ude00").contains("\\u00e9").contains("\\n").contains("\\t").contains("\\\"");
  }

  @Test
  void jsonCarriesAStackTraceAsOneMember() throws Exception {
    String line = JsonLogLine.JSON.format(NOON, Level.ERROR, "x", "boom", new IllegalStateException("bad\nthing"),
        null);

    assertThat(line).hasLineCount(1);
    JsonNode node = JSON.readTree(line);
    assertThat(node.get("exception").textValue()).startsWith("java.lang.IllegalStateException: bad\nthing\n\tat ");
    assertThat(node.get("level").textValue()).isEqualTo("ERROR");
  }

  @Test
  void jsonWritesNullMessageAndEmptyStrings() throws Exception {
    JsonNode node = JSON.readTree(JsonLogLine.JSON.format(0, Level.DEBUG, "x", null, null,
        new LogFields().add("empty", "")));

    assertThat(node.get("message").isNull()).isTrue();
    assertThat(node.get("empty").textValue()).isEmpty();
    assertThat(node.get("time").textValue()).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @Test
  void textWritesFieldsAsKeyValuePairsAfterTheMessage() {
    String line = LogLine.TEXT.format(NOON, Level.INFO, "org.calicomesos.app.pipeline.RequestLog", "request", null,
        requestFields());

    assertThat(line).endsWith(" INFO  [" + ProcessHandle.current().pid()
        + "] org.calicomesos.app.pipeline.RequestLog: request command=isolate container=abc uid=- outcome=ok duration_ms=139\n");
  }

  @Test
  void textQuotesAndEscapesAnyValueThatIsNotAPlainWord() {
    String line = LogLine.TEXT.format(NOON, Level.INFO, "x", "request", null, new LogFields()
        .add("error", "uid 'a\"b' is bad\nreally\u001b") .add("dash", "-").add("empty", "").add("ip", "fd00::1/64"));

    assertThat(line).hasLineCount(1).endsWith(
        ": request error=\"uid 'a\\\"b' is bad\\nreally\\u001b\" dash=\"-\" empty=\"\" ip=fd00::1/64\n");
  }

  @Test
  void textMessagesStayOnOneLineWithoutControlCharacters() {
    String line = LogLine.TEXT.format(NOON, Level.INFO, "x", "a\r\n\tb\u001b[31mc\u0000d é", null, null);

    assertThat(line).endsWith(": a b?[31mc?d é\n");
  }
}
