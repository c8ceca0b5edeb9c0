package org.calicomesos.app.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.junit.jupiter.api.Test;

/** What both protocols read from a Mesos task: labels, the static-IP label, netgroups. */
class MesosTaskDataTest {
  @Test
  void labelsInTheProtobufListKeepTheirOrderAndAMissingValueIsEmpty() throws Exception {
    TaskLabels labels = TaskLabels.parse(JsonTree.parse("[{\"key\":\"b\",\"value\":\"2\"},{\"key\":\"a\"}]"));

    assertThat(labels.asMap()).containsExactly(Map.entry("b", "2"), Map.entry("a", ""));
  }

  @Test
  void theStaticAddressLabelTwiceIsRefused() throws Exception {
    String twice = "[{\"key\":\"ipv4_addrs\",\"value\":\"[]\"},{\"key\":\"ipv4_addrs\",\"value\":\"[]\"}]";

    assertThatThrownBy(() -> TaskLabels.parse(JsonTree.parse(twice)))
        .isInstanceOf(InvalidRequestException.class).hasMessage("label ipv4_addrs is given twice");
  }

  @Test
  void theStaticAddressLabelIsReadFromTheLabels() throws Exception {
    TaskLabels labels = TaskLabels.parse(JsonTree.parse("{\"ipv4_addrs\":\"['10.0.0.7']\"}"));

    assertThat(StaticAddressLabel.parse(labels)).extracting(Object::toString).containsExactly("10.0.0.7");
    assertThat(StaticAddressLabel.parse(TaskLabels.NONE)).isEmpty();
  }

  @Test
  void netgroupsOfACommaListSkipBlanksAndAreValidated() {
    assertThat(Netgroups.ofCommaList("label netgroup", " web, ,db ")).containsExactly(new Netgroup("web"),
        new Netgroup("db"));
    assertThatThrownBy(() -> Netgroups.ofCommaList("label netgroup", "web,default_host1"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("default_host1");
  }

  @Test
  void moreThanSixtyFourNetgroupsAreRefusedNamingTheField() {
    List<String> names = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "g" + i).toList();

    assertThatThrownBy(() -> Netgroups.of("groups", names))
        .hasMessage("groups has 65 entries; at most 64 are allowed");
  }
}
