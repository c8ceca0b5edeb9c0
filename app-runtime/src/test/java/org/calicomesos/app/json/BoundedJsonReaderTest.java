package org.calicomesos.app.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.calicomesos.ports.model.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the bytes, the reader answers with a tree or with one sentence saying what is wrong. */
class BoundedJsonReaderTest {
  private final BoundedJsonReader reader = new BoundedJsonReader(1024);

  // Well-formed JSON, but no BigDecimal holds these: Jackson refuses them only when the value is read.
  @ParameterizedTest
  @ValueSource(strings = {"{\"mtu\":1e2147483648}", "[1E-2147483649]", "{\"a\":[{\"b\":-9e9999999999}]}"})
  void aNumberNoDecimalHoldsIsInvalidJson(String request) {
    assertThatThrownBy(() -> reader.read(request.getBytes(StandardCharsets.UTF_8), "a JSON object"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("request is not valid JSON: ")
        .hasMessageContaining("can not be deserialized as `java.math.BigDecimal`");
  }
}
