package org.calicomesos.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a/b", "-rf", ".", "..", "a..b", "a b", "a;b", "a}b", "a\nb", "ä", "a\u0000b", "_x"})
  void values_that_could_escape_a_key_a_path_or_a_command_line_are_refused(String value) {
    assertThatThrownBy(() -> new HandleId(value))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("may hold only letters, digits, '_', '.' and '-'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0000"));
  }

  @Test
  void lengths_are_capped_and_empty_values_are_missing() {
    assertThatThrownBy(() -> new HandleId("a".repeat(129))).hasMessage("uid is longer than 128 characters");
    assertThatThrownBy(() -> new ContainerId("")).hasMessage("container_id is missing");
    assertThatThrownBy(() -> new NodeName(null)).hasMessage("node name is missing");
  }

  @Test
  void ordinary_mesos_identifiers_pass_and_compare_by_value() {
    assertThat(new HandleId("0cd6c8a2-3b1e-4f6e-9a55-1d2c3b4a5f60")).isEqualTo(new HandleId("0cd6c8a2-3b1e-4f6e-9a55-1d2c3b4a5f60"));
    assertThat(new NodeName("agent-1.example.com").hashCode()).isEqualTo(new NodeName("agent-1.example.com").hashCode());
    assertThat(new Netgroup("web_tier.v2")).isNotEqualTo(new Netgroup("web"));
  }

  @Test
  void an_excerpt_is_short_and_printable() {
    assertThat(Excerpt.of("bad\nvalue\u0007")).isEqualTo("bad?value?");
    assertThat(Excerpt.of("x".repeat(100))).hasSize(67).endsWith("...");
  }
}
