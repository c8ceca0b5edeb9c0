package org.calicomesos.core.routing.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import java.util.List;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cluster's BGP record: defaults for what is left out, and a clear complaint about what is wrong. */
class BgpSettingsCodecTest {
  private static final String KEY = "/calico/v1/config/bgp";

  @Test
  void an_empty_record_is_the_default() {
    assertThat(decode("{}")).isEqualTo(BgpSettings.DEFAULT);
  }

  @Test
  void a_full_record_round_trips() {
    String json = "{\"as_number\":4200000000,\"node_mesh\":false,"
        + "\"peers\":[{\"ip\":\"203.0.113.1\",\"as_number\":65000},{\"ip\":\"2001:db8::1\",\"as_number\":65000}]}";

    BgpSettings settings = decode(json);

    assertThat(settings).isEqualTo(new BgpSettings(new AsNumber(4_200_000_000L), false, List.of(
        BgpPeer.explicit(new IPAddressString("203.0.113.1").getAddress(), new AsNumber(65000)),
        BgpPeer.explicit(new IPAddressString("2001:db8::1").getAddress(), new AsNumber(65000)))));
    assertThat(BgpSettingsCodec.CODEC.encode(settings)).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"as_number\":0}", "{\"as_number\":4294967296}", "{\"as_number\":\"64511\"}",
      "{\"node_mesh\":\"yes\"}", "{\"peers\":{}}", "{\"peers\":[{\"ip\":\"10.0.0.0/8\",\"as_number\":1}]}",
      "{\"peers\":[{\"ip\":\"203.0.113.1\"}]}", "[]"})
  void a_wrong_record_is_reported_as_corrupt(String json) {
    assertThatThrownBy(() -> decode(json)).isInstanceOf(CorruptValueException.class).hasMessageContaining(KEY);
  }

  private static BgpSettings decode(String json) {
    return BgpSettingsCodec.CODEC.decode(new Entry(KEY, json, 1));
  }
}
