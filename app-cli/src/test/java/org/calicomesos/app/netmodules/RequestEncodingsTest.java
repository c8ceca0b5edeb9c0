package org.calicomesos.app.netmodules;

import org.calicomesos.app.pipeline.PluginResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.mesos.StaticAddressLabel;
import org.calicomesos.app.mesos.TaskLabels;
import org.calicomesos.app.wiring.MemoryAppComponent;
import org.calicomesos.ports.model.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encodings the isolator and the documentation use are both understood (no datastore needed). */
class RequestEncodingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void labelsAsTheIsolatorSendsThem_valueMayBeMissing() throws Exception {
    TaskLabels labels = TaskLabels.parse(JSON.readTree("[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"flag\"}]"));

    assertThat(labels.asMap()).containsExactly(Map.entry("a", "1"), Map.entry("flag", ""));
  }

  @Test
  void labelsAsTheDocumentedObject() throws Exception {
    TaskLabels labels = TaskLabels.parse(JSON.readTree("{\"a\":\"1\",\"flag\":null}"));

    assertThat(labels.asMap()).containsExactly(Map.entry("a", "1"), Map.entry("flag", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"10.0.0.5\"]", "['10.0.0.5']", " [ '10.0.0.5' ] ", "['10.0.0.5',\"10.0.0.6\"]"})
  void staticAddressLabelIsReadAsData(String value) {
    List<IPAddress> addresses = StaticAddressLabel.parse(value);

    assertThat(addresses).extracting(IPAddress::toCanonicalString).startsWith("10.0.0.5");
  }

  @Test
  void emptyStaticAddressLabelNamesNoAddress() {
    assertThat(StaticAddressLabel.parse("[]")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.5", "['10.0.0.5',]", "[['10.0.0.5']]", "['10.0.0.5'];print(1)", "['10.0.0.5'+'']",
      "[\"10.0.0.5\\\"]", "('10.0.0.5',)", "{'10.0.0.5'}", "['10.0.0.5' '10.0.0.6']", "[]]"})
  void anythingButAFlatListOfQuotedAddressesIsRefused(String value) {
    assertThatThrownBy(() -> StaticAddressLabel.parse(value))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("label ipv4_addrs must be a list of quoted IPv4 addresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"labels\":[{\"key\":\"app\",\"value\":\"web\"},{\"key\":\"novalue\"}]",
      "\"labels\":{\"app\":\"web\",\"tier\":\"front\"}"})
  void isolateAcceptsBothLabelEncodingsAndUnknownFields(String labels) {
    MemoryAppComponent app = MemoryAppComponent.create(dir.resolve("isolator.log"), Map.of());
    String request = "{\"command\":\"isolate\",\"future_field\":1,\"args\":{\"hostname\":\"10.0.0.1\","
        + "\"container_id\":\"0c5f-41\",\"pid\":4242,\"ipv4_addrs\":[\"192.168.0.2\"],\"netgroups\":[\"prod\",\"public\"],"
        + "\"unknown\":{\"x\":[1,2]}," + labels + "}}";

    PluginResponse response = app.endpoint().handle(request.getBytes(StandardCharsets.UTF_8));

    // Validation passed: the only complaint left is that nobody allocated the address.
    assertThat(response.toString())
        .isEqualTo("{\"error\":\"IP 192.168.0.2 is not allocated; allocate or reserve it before isolate\"}\n");
    assertThat(app.store().list("/").entries()).isEmpty();
  }

  @Test
  void aMisconfiguredDatastoreIsNamedOnlyWhenTheStoreIsNeeded() {
    MemoryAppComponent app = MemoryAppComponent.create(dir.resolve("isolator.log"),
        Map.of("CALICO_DATASTORE", "", "ETCD_ENDPOINTS", "https://10.0.0.1:2379", "ETCD_PASSWORD", "hunter2"));
    String allocate = "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":0}}";
    String invalid = "{\"command\":\"allocate\",\"args\":{\"hostname\":\"a\",\"num_ipv4\":1}}";

    assertThat(app.endpoint().handle(allocate.getBytes(StandardCharsets.UTF_8)).toString())
        .isEqualTo("{\"error\":\"ETCD_PASSWORD is set but ETCD_USERNAME is not; set both or neither\"}\n")
        .doesNotContain("hunter2");
    assertThat(app.endpoint().handle(invalid.getBytes(StandardCharsets.UTF_8)).toString())
        .contains("allocate request is missing uid");
  }
}
