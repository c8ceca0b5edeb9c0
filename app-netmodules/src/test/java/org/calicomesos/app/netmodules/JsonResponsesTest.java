package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.PluginResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses are one line of valid JSON, short, whatever the error text holds. */
class JsonResponsesTest {
  @Test
  void errorTextIsOneEscapedLineOfBoundedLength() throws Exception {
    String nasty = "line one\nline \"two\"\r\t\\ \u0000\u001b[31m é " + "x".repeat(50_000);

    PluginResponse response = JsonResponses.error(nasty);

    String body = response.toString();
    assertThat(body).hasLineCount(1).endsWith("\n").hasSizeLessThan(1100);
    String error = new ObjectMapper().readTree(body).get("error").textValue();
    assertThat(error).startsWith("line one line \"two\" \\ [31m é xxx").endsWith("...").doesNotContain("\n", "\u001b");
  }

  @Test
  void allocateReplyListsBothFamilies() {
    Reply reply = new Reply.Addresses(List.of(new IPAddressString("192.168.0.1").getAddress()), List.of());

    assertThat(JsonResponses.success(reply).toString()).isEqualTo("{\"ipv4\":[\"192.168.0.1\"],\"ipv6\":[],\"error\":null}\n");
  }
}
